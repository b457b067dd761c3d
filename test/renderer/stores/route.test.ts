import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from '../../../renderer/stores/route';

describe('hash routes', () => {
  it('parses the four views and falls back to the inbox', () => {
    expect(parseRoute('#/inbox')).toEqual({ name: 'inbox' });
    expect(parseRoute('')).toEqual({ name: 'inbox' });
    expect(parseRoute('#/nonsense')).toEqual({ name: 'inbox' });
    expect(parseRoute('#/runs')).toEqual({ name: 'runs' });
    expect(parseRoute('#/problems')).toEqual({ name: 'problems' });
    expect(parseRoute('#/runs/abc123?stage=st%3A1&tab=iterations')).toEqual({ name: 'run', runId: 'abc123', stageId: 'st:1', tab: 'iterations' });
  });

  it('round-trips run ids with awkward characters', () => {
    const route = { name: 'run' as const, runId: 'om/my video?#1', stageId: 'script&x' };
    expect(parseRoute(formatRoute(route))).toEqual(route);
    expect(formatRoute({ name: 'run', runId: 'r1' })).toBe('#/runs/r1');
    expect(formatRoute({ name: 'run', runId: 'r1', tab: 'stages' })).toBe('#/runs/r1');
  });

  it('survives a malformed escape', () => {
    expect(parseRoute('#/runs/%E0%A4%A')).toEqual({ name: 'run', runId: '%E0%A4%A' });
  });
});
