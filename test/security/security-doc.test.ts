// docs/security.md names, for each guarantee, the test that proves it (`file` › “test name”).
// This keeps the page honest: every file named exists and every test named is in it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const doc = readFileSync(path.join(ROOT, 'docs/security.md'), 'utf8');

/** Every `file` › “name”, “name”… reference: the names after a file, up to the next file or the end of the line. */
function references(): { file: string; name: string }[] {
  const out: { file: string; name: string }[] = [];
  for (const line of doc.split('\n')) {
    const chunks = line.split(/(`test\/[\w/.-]+\.(?:test|spec)\.tsx?`)/);
    for (let i = 1; i < chunks.length; i += 2) {
      const after = chunks[i + 1] ?? '';
      if (!after.trimStart().startsWith('›')) continue;
      // Markdown escapes (\_) are not part of the test name.
      for (const m of after.matchAll(/“([^”]+)”/g)) out.push({ file: chunks[i].slice(1, -1), name: m[1].replace(/\\(.)/g, '$1') });
    }
  }
  return out;
}

describe('docs/security.md', () => {
  const refs = references();

  it('names at least one test for every section', () => {
    expect(refs.length).toBeGreaterThan(60);
  });

  it.each(refs.map((r) => [`${r.file} › ${r.name}`, r] as const))('%s exists', (_t, r) => {
    expect(existsSync(path.join(ROOT, r.file)), r.file).toBe(true);
    const source = readFileSync(path.join(ROOT, r.file), 'utf8');
    expect(source.includes(r.name), `"${r.name}" is not a test in ${r.file}`).toBe(true);
  });
});
