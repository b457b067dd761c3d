import { describe, expect, it } from 'vitest';
import { aiVideoWriter } from '../../../../../electron/core/decide/writers/aivideo-writer';
import { gateProtocolWriter } from '../../../../../electron/core/decide/writers/gate-protocol-writer';
import { openMontageWriter } from '../../../../../electron/core/decide/writers/openmontage-writer';
import { writerFor } from '../../../../../electron/core/decide/writers/writer-for-family';
import { FAMILIES } from '../../../../../shared/model';

describe('writerFor', () => {
  it('has a writer for every family', () => {
    for (const f of FAMILIES) expect(typeof writerFor(f).decide).toBe('function');
    expect(writerFor('openmontage')).toBe(openMontageWriter);
    expect(writerFor('aivideo')).toBe(aiVideoWriter);
    expect(writerFor('gate')).toBe(gateProtocolWriter);
    expect(writerFor('twinklr')).not.toBe(writerFor('cinecut'));
  });
});
