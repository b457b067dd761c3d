// aivideo has no compatibility test against real files: it keeps checkpoints in PostgreSQL and
// S3, and no exported tree or status JSON exists anywhere (only prose examples in its
// user-flow.md; FORMATS.md §4.4, §6). This test says so and fails if such files ever appear.
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REFERENCE_DIR } from '../helpers/reference-dir';

describe('aivideo reference files', () => {
  it('has none to compare against', () => {
    console.log(
      'aivideo: no compatibility test — the pipeline stores checkpoints in a database and no exported API JSON exists; ' +
        'test/fixtures/aivideo follows its Pydantic response models (FORMATS.md §4.2).',
    );
    if (!existsSync(REFERENCE_DIR)) return;
    expect(readdirSync(REFERENCE_DIR).filter((n) => /aivideo|kenji/i.test(n))).toEqual([]);
  });
});
