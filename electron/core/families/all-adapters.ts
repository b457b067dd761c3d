// Every family the core recognises, in classification order: the first adapter whose
// `classify` claims a path owns it. Greenlight's own gate protocol goes first because its
// suffixes (.gate.json/.decision.json) are unambiguous.
import type { FamilyAdapter } from './family-adapter';
import { gateProtocolAdapter } from './gate-protocol';
import { openMontageAdapter } from './openmontage';
import { omniClaudeAdapter } from './omniclaude';
import { cineCutAdapter } from './cinecut';
import { twinklrAdapter } from './twinklr';
import { aiVideoAdapter } from './aivideo';

export const ALL_ADAPTERS: FamilyAdapter[] = [
  gateProtocolAdapter as FamilyAdapter,
  openMontageAdapter as FamilyAdapter,
  omniClaudeAdapter as FamilyAdapter,
  cineCutAdapter as FamilyAdapter,
  twinklrAdapter as FamilyAdapter,
  aiVideoAdapter as FamilyAdapter,
];
