import { describe, expect, it } from 'vitest';
import { decodeAndParse } from '../../../../electron/core/read/read-document';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decodeAndParse', () => {
  it('parses JSON and YAML', () => {
    expect(decodeAndParse(enc('{"a":1}'), 'json')).toMatchObject({ ok: true, data: { a: 1 } });
    expect(decodeAndParse(enc('a: 1\nb: [x, y]\n'), 'yaml')).toMatchObject({ ok: true, data: { a: 1, b: ['x', 'y'] } });
  });

  it('reports empty, truncated and invalid files with a reason, retryable where a writer may be mid-write', () => {
    expect(decodeAndParse(new Uint8Array(), 'json')).toMatchObject({ ok: false, retryable: true, problems: [{ code: 'file.empty' }] });
    const truncated = decodeAndParse(enc('{"a": [1, 2'), 'json');
    expect(truncated).toMatchObject({ ok: false, retryable: true, problems: [{ code: 'json.truncated' }] });
    const bad = decodeAndParse(enc('{"a": 1,,}'), 'json');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0].message).toMatch(/line 1, column \d+/);
  });

  it('rejects binary data and invalid UTF-8, and warns on BOMs and UTF-16', () => {
    expect(decodeAndParse(new Uint8Array([0x7b, 0x00, 0x01, 0x7d]), 'json')).toMatchObject({ ok: false, problems: [{ code: 'file.binary' }] });
    expect(decodeAndParse(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 'json')).toMatchObject({ ok: false, problems: [{ code: 'encoding.invalid_utf8' }] });
    const bom = decodeAndParse(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('{"a":1}')]), 'json');
    expect(bom).toMatchObject({ ok: true, data: { a: 1 }, problems: [{ code: 'encoding.bom', severity: 'warning' }] });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a":2}', 'utf16le')]);
    expect(decodeAndParse(utf16, 'json')).toMatchObject({ ok: true, data: { a: 2 }, problems: [{ code: 'encoding.utf16' }] });
  });

  it('refuses 100,000 levels of nesting without overflowing the stack', () => {
    const deep = '['.repeat(100000) + ']'.repeat(100000);
    const r = decodeAndParse(enc(deep), 'json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].code).toMatch(/json\.(too_deep|syntax)/);
  });

  it('stops a YAML alias bomb', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]', 'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]'].join('\n');
    const r = decodeAndParse(enc(bomb), 'yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].code).toBe('yaml.alias_limit');
  });

  it('reports duplicate YAML keys', () => {
    const r = decodeAndParse(enc('a: 1\na: 2\n'), 'yaml');
    expect(r).toMatchObject({ ok: false, problems: [{ code: 'yaml.duplicate_key' }] });
  });

  it('keeps __proto__ keys as plain data', () => {
    const r = decodeAndParse(enc('{"__proto__": {"polluted": true}, "constructor": 1}'), 'json');
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('readDocument with the parse workers\' blocking reads', () => {
  it('reads files of every size one after another through one scratch buffer, each with its own bytes and hash', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { execFileSync } = await import('node:child_process');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { createHash } = await import('node:crypto');
    const { blockingIo, readDocument } = await import('../../../../electron/core/read/read-document');
    const dir = mkdtempSync(join(tmpdir(), 'gl-read-'));
    try {
      const io = blockingIo();
      // Small, larger than the first scratch buffer (64 KB), small again: nothing of a bigger file may leak into a smaller one.
      const texts = [JSON.stringify({ a: 1 }), JSON.stringify({ big: 'x'.repeat(200_000) }), JSON.stringify({ b: [1, 2] }), ''];
      for (const [i, text] of texts.entries()) {
        const abs = join(dir, `f${i}.json`);
        writeFileSync(abs, text);
        const r = await readDocument(abs, 'json', io);
        if (text === '') expect(r).toMatchObject({ ok: false, problems: [{ code: 'file.empty' }] });
        else expect(r).toMatchObject({ ok: true, data: JSON.parse(text), size: text.length, sha256: createHash('sha256').update(text).digest('hex') });
      }
      expect(await readDocument(join(dir, 'missing.json'), 'json', io)).toMatchObject({ ok: false, gone: true });
      expect(await readDocument(dir, 'json', io)).toMatchObject({ ok: false, problems: [{ code: 'file.not_regular' }] });
      // A named pipe left in a watched folder is refused at once, not waited on for a writer.
      execFileSync('mkfifo', [join(dir, 'pipe.json')]);
      expect(await readDocument(join(dir, 'pipe.json'), 'json', io)).toMatchObject({ ok: false, problems: [{ code: 'file.not_regular' }] });
      expect(await readDocument(join(dir, 'pipe.json'), 'json')).toMatchObject({ ok: false, problems: [{ code: 'file.not_regular' }] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
