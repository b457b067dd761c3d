// The inbox order, shared by the renderer (the list) and the core (which gates make the first screen).
import { describe, expect, it } from 'vitest';
import { waitingGatesOldestFirst } from '../../shared/gate-order';
import type { Gate } from '../../shared/model';

const gate = (p: Partial<Gate> & { id: string }): Gate => ({
  runId: 'r',
  family: 'gate',
  stageName: 's',
  title: 'Review',
  status: 'waiting',
  decisions: ['approve', 'reject'],
  unavailable: {},
  ...p,
});

const ids = (gs: Gate[]) => gs.map((g) => g.id);

describe('waitingGatesOldestFirst', () => {
  it('puts the longest wait first and gates without a start time last', () => {
    const out = waitingGatesOldestFirst([
      gate({ id: 'new', since: '2026-03-28T12:00:00Z' }),
      gate({ id: 'none' }),
      gate({ id: 'bad', since: 'yesterday' }),
      gate({ id: 'old', since: '2026-03-27T08:00:00Z' }),
      // 07:00Z, written with an offset: compared as times, it is the oldest (as text it would not be).
      gate({ id: 'offset', since: '2026-03-27T09:00:00+02:00' }),
    ]);
    expect(ids(out)).toEqual(['offset', 'old', 'new', 'bad', 'none']);
  });

  it('keeps only waiting gates', () => {
    const out = waitingGatesOldestFirst([gate({ id: 'a', status: 'approved' }), gate({ id: 'b' }), gate({ id: 'c', status: 'rejected' })]);
    expect(ids(out)).toEqual(['b']);
  });

  it('breaks ties by title as people read it, then by id', () => {
    const since = '2026-03-28T12:00:00Z';
    const out = waitingGatesOldestFirst([
      gate({ id: 'b', since, title: 'Beta' }),
      gate({ id: 'a2', since, title: 'alpha' }),
      gate({ id: 'a1', since, title: 'alpha' }),
    ]);
    // 'alpha' before 'Beta' (by character code it would come after).
    expect(ids(out)).toEqual(['a1', 'a2', 'b']);
  });

  it('returns the same order for a list that is already in order as for a shuffled one', () => {
    const gates = Array.from({ length: 50 }, (_, i) => gate({ id: `g${String(i).padStart(2, '0')}`, since: new Date(Date.UTC(2026, 0, 1) + (i % 7) * 3_600_000).toISOString(), title: `t${i % 3}` }));
    const once = waitingGatesOldestFirst([...gates].reverse());
    expect(waitingGatesOldestFirst(once)).toEqual(once);
    expect(waitingGatesOldestFirst([...gates].sort(() => 0.5 - Math.random()))).toEqual(once);
  });

  it('does not change the list it is given', () => {
    const input = [gate({ id: 'b', since: '2026-03-28T12:00:00Z' }), gate({ id: 'a', since: '2026-03-27T12:00:00Z' })];
    waitingGatesOldestFirst(input);
    expect(ids(input)).toEqual(['b', 'a']);
  });
});
