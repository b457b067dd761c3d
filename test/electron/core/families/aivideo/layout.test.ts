import { describe, expect, it } from 'vitest';
import { aiVideoAdapter } from '../../../../../electron/core/families/aivideo';

describe('aivideo classify (path only)', () => {
  it('claims *.aivideo.json anywhere, grouped by folder', () => {
    expect(aiVideoAdapter.classify('launch/teaser.aivideo.json')).toEqual({ family: 'aivideo', groupKey: 'av:launch', role: 'export', format: 'json' });
    expect(aiVideoAdapter.classify('teaser.AIVIDEO.json')).toMatchObject({ groupKey: 'av:.', role: 'export' });
  });

  it('claims any JSON below a folder named aivideo or aivideo-exports', () => {
    expect(aiVideoAdapter.classify('aivideo/status.json')).toMatchObject({ groupKey: 'av:aivideo', role: 'export' });
    expect(aiVideoAdapter.classify('work/AIVideo/chrono-x/tree.json')).toMatchObject({ groupKey: 'av:work/AIVideo/chrono-x', role: 'export' });
    expect(aiVideoAdapter.classify('aivideo-exports/2025-11-21/cp.json')).toMatchObject({ role: 'export' });
  });

  it('claims aivideo.config.json as the folder config', () => {
    expect(aiVideoAdapter.classify('aivideo/chrono-x/aivideo.config.json')).toEqual({
      family: 'aivideo',
      groupKey: 'av:aivideo/chrono-x',
      role: 'config',
      format: 'json',
    });
  });

  it('leaves other files alone', () => {
    expect(aiVideoAdapter.classify('exports/tree.json')).toBeNull();
    expect(aiVideoAdapter.classify('aivideo/notes.md')).toBeNull();
    expect(aiVideoAdapter.classify('aivideo/.tree.json')).toBeNull();
    expect(aiVideoAdapter.classify('aivideo/greenlight-audit.json')).toBeNull();
    expect(aiVideoAdapter.classify('my-aivideo-project/tree.json')).toBeNull();
  });
});
