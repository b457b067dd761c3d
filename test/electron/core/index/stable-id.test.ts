import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { stableId } from '../../../../electron/core/index/stable-id';
import { sha256 } from '../../../../electron/core/read/read-document';

describe('stableId', () => {
  it('keeps the ids earlier versions gave (sha1 of the parts joined by NUL, 16 base64url characters)', () => {
    // Ids are kept across restarts (decisions and the UI refer to them): the digest must not change.
    const parts = ['file', 'root-1', 'openmontage/projects/p-1/checkpoint_script.json'];
    expect(stableId(...parts)).toBe(createHash('sha1').update(parts.join('\0')).digest('base64url').slice(0, 16));
    expect(stableId('gate', 'ünïcode ✓', '')).toBe(createHash('sha1').update('gate\0ünïcode ✓\0').digest('base64url').slice(0, 16));
    expect(stableId('a', 'b')).not.toBe(stableId('a\0b'.slice(0, 1), 'b ')); // different parts, different id
  });
});

describe('sha256', () => {
  it('is the hex digest of the bytes or the text (the revision a decision checks)', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]);
    expect(sha256(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(sha256('{"a":1}')).toBe(createHash('sha256').update('{"a":1}').digest('hex'));
  });
});
