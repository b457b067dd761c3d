import { describe, expect, it } from 'vitest';
import { parseAv } from './parse-helpers';

const REL = 'aivideo/aivideo.config.json';

describe('aivideo.config.json', () => {
  it('reads baseUrl and tokenEnv', () => {
    expect(parseAv({ baseUrl: 'https://api.aivideo.example/', tokenEnv: 'AIVIDEO_TOKEN' }, REL)).toEqual({
      record: { kind: 'config', baseUrl: 'https://api.aivideo.example', tokenEnv: 'AIVIDEO_TOKEN' },
      problems: [],
    });
  });

  it('refuses a token stored in the file and never keeps it', () => {
    const out = parseAv({ baseUrl: 'https://api.aivideo.example', tokenEnv: 'AIVIDEO_TOKEN', token: 'eyJhbGciOi.secret' }, REL);
    expect(out.problems).toEqual([expect.objectContaining({ severity: 'error', field: '/token', code: 'av.config_secret' })]);
    expect(JSON.stringify(out.record)).not.toContain('secret');
  });

  it('reports a bad URL, a bad variable name, unknown keys and non-objects', () => {
    const bad = parseAv({ baseUrl: 'ftp://x', tokenEnv: 'my token', colour: 'red' }, REL);
    expect(bad.problems.map((p) => [p.field, p.severity]).sort()).toEqual([['/baseUrl', 'error'], ['/colour', 'warning'], ['/tokenEnv', 'error']]);
    expect(bad.record).toEqual({ kind: 'config' });
    expect(parseAv([1], REL).problems[0].code).toBe('av.config');
  });
});
