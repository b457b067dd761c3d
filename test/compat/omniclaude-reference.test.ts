// OmniClaude has no compatibility test against real files: neither omniclaude nor omnibase_infra
// commits an example checkpoint or a YAML fixture (their tests build models in Python;
// FORMATS.md §3.4, §6), so the reference folder holds nothing for it. This test says so and
// fails if such files ever appear, so a real comparison gets written then.
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REFERENCE_DIR } from '../helpers/reference-dir';

describe('OmniClaude reference files', () => {
  it('has none to compare against', () => {
    console.log(
      'OmniClaude: no compatibility test — no real checkpoint YAML exists in either repository; ' +
        'test/fixtures/omniclaude follows the Pydantic model (FORMATS.md §3.2–3.4).',
    );
    if (!existsSync(REFERENCE_DIR)) return;
    expect(readdirSync(REFERENCE_DIR).filter((n) => /omni/i.test(n))).toEqual([]);
  });
});
