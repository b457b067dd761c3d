// The write-back of each family: where a decision goes so that the pipeline (or, for families
// that must not be touched, Greenlight's own sidecar) records it.
import type { Family } from '../../../../shared/model';
import type { DecisionWriter } from '../decision-writer';
import { aiVideoWriter } from './aivideo-writer';
import { gateProtocolWriter } from './gate-protocol-writer';
import { openMontageWriter } from './openmontage-writer';
import { sidecarWriter } from './sidecar-writer';

const WRITERS: Record<Family, DecisionWriter> = {
  openmontage: openMontageWriter,
  twinklr: sidecarWriter('twinklr'),
  omniclaude: sidecarWriter('omniclaude'),
  cinecut: sidecarWriter('cinecut'),
  aivideo: aiVideoWriter,
  gate: gateProtocolWriter,
};

export function writerFor(family: Family): DecisionWriter {
  return WRITERS[family];
}
