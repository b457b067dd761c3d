import { describe, expect, it } from 'vitest';
import { canonicalUuid, normalizeRunId, uuid5 } from '../../../../../electron/core/families/omniclaude/run-id';
import { OC_RUN_ID_NAMESPACE } from '../../../../../shared/schemas/omniclaude';

describe('OmniClaude run ids', () => {
  it('computes uuid5 like Python (RFC 4122 test vector: python.org in the DNS namespace)', () => {
    expect(uuid5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('derives the namespace as uuid5(NAMESPACE_DNS, "onex.omninode.io")', () => {
    expect(uuid5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'onex.omninode.io')).toBe(OC_RUN_ID_NAMESPACE);
  });

  it('normalises the two short ids from FORMATS.md §3.3', () => {
    expect(normalizeRunId('a1b2c3d4')).toEqual({ uuid: '4fa2159f-9c61-5f8b-9ae5-28692b46cbd7', short: true });
    expect(normalizeRunId('abcd1234')).toEqual({ uuid: '5c0d9ab6-07cc-5c62-8df7-0991b577ffc3', short: true });
  });

  it('keeps valid UUIDs (any case, Python UUID() spellings) and lower-cases them', () => {
    expect(normalizeRunId('4FA2159F-9C61-5F8B-9AE5-28692B46CBD7')).toEqual({ uuid: '4fa2159f-9c61-5f8b-9ae5-28692b46cbd7', short: false });
    expect(canonicalUuid('{4fa2159f9c615f8b9ae528692b46cbd7}')).toBe('4fa2159f-9c61-5f8b-9ae5-28692b46cbd7');
    expect(canonicalUuid('urn:uuid:4fa2159f-9c61-5f8b-9ae5-28692b46cbd7')).toBe('4fa2159f-9c61-5f8b-9ae5-28692b46cbd7');
    expect(canonicalUuid('not-a-uuid')).toBeUndefined();
    expect(canonicalUuid('4fa2159f-9c61-5f8b-9ae5-28692b46cbdz')).toBeUndefined();
  });
});
