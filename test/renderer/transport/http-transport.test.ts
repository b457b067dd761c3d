// The browser transport's live stream: every frame is checked against the contract before it
// reaches the stores. The check (and zod with it) loads with the first frame, not at start-up;
// frames that arrive meanwhile wait for it and are delivered in order.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../shared/api-contract';
import { HttpTransport, loadDeskEventCheck } from '../../../renderer/transport/http-transport';
import { deferred } from '../../helpers/deferred';

class FakeEventSource {
  static last?: FakeEventSource;
  onopen?: () => void;
  onerror?: () => void;
  onmessage?: (m: { data: string }) => void;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  close() {
    this.closed = true;
  }
  send(data: unknown) {
    this.onmessage?.({ data: typeof data === 'string' ? data : JSON.stringify(data) });
  }
}

const ready: DeskEvent = { type: 'ready' };
const notice = (id: string): DeskEvent => ({ type: 'notice', notice: { id, level: 'info', message: id } });
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('HttpTransport live stream', () => {
  const original = globalThis.EventSource;
  beforeEach(() => {
    (globalThis as { EventSource: unknown }).EventSource = FakeEventSource;
  });
  afterEach(() => {
    (globalThis as { EventSource: unknown }).EventSource = original;
  });

  it('opens the stream with the token in the query string', () => {
    new HttpTransport('tok/en').subscribe(() => {});
    expect(FakeEventSource.last?.url).toBe('/api/events?token=tok%2Fen');
  });

  it('holds frames until the check has loaded, then delivers them in order (loading it once)', async () => {
    const check = deferred<(raw: unknown) => DeskEvent | undefined>();
    let loads = 0;
    const t = new HttpTransport('t', '', () => {
      loads++;
      return check.promise;
    });
    const got: DeskEvent[] = [];
    t.subscribe((e) => got.push(e));
    const es = FakeEventSource.last!;
    es.send(notice('a'));
    es.send(notice('b'));
    await flush();
    expect(got).toEqual([]);
    check.resolve((raw) => raw as DeskEvent);
    await flush();
    es.send(notice('c'));
    expect(got.map((e) => (e.type === 'notice' ? e.notice.id : e.type))).toEqual(['a', 'b', 'c']);
    expect(loads).toBe(1);
  });

  it('drops frames that are not JSON or do not match the contract', async () => {
    const t = new HttpTransport('t');
    const got: DeskEvent[] = [];
    t.subscribe((e) => got.push(e));
    const es = FakeEventSource.last!;
    es.send('{not json');
    es.send({ type: 'index' });
    es.send(ready);
    await loadDeskEventCheck();
    await flush();
    expect(got).toEqual([ready]);
  });

  it('applies the contract’s defaults, as the stores expect', async () => {
    const t = new HttpTransport('t');
    const got: DeskEvent[] = [];
    t.subscribe((e) => got.push(e));
    const gate = { id: 'g', runId: 'r', family: 'gate', stageName: 's', title: 'T', status: 'waiting', decisions: ['approve'] };
    FakeEventSource.last!.send({ type: 'index', upserted: [], removed: [], gates: [gate], problemCount: { errors: 0, warnings: 0 }, changedRuns: [], changedFiles: [] });
    await loadDeskEventCheck();
    await flush();
    expect(got[0]?.type === 'index' && got[0].gates[0].unavailable).toEqual({});
  });

  it('drops the frames it could not check when the check fails to load, and tries again with the next', async () => {
    let attempt = 0;
    const t = new HttpTransport('t', '', async () => {
      attempt++;
      if (attempt === 1) throw new Error('chunk missing');
      return (raw) => raw as DeskEvent;
    });
    const got: DeskEvent[] = [];
    t.subscribe((e) => got.push(e));
    const es = FakeEventSource.last!;
    es.send(notice('lost'));
    await flush();
    es.send(notice('kept'));
    await flush();
    expect(got.map((e) => (e.type === 'notice' ? e.notice.id : e.type))).toEqual(['kept']);
    expect(attempt).toBe(2);
  });

  it('delivers nothing after unsubscribing, not even frames that waited for the check', async () => {
    const check = deferred<(raw: unknown) => DeskEvent | undefined>();
    const t = new HttpTransport('t', '', () => check.promise);
    const got: DeskEvent[] = [];
    const off = t.subscribe((e) => got.push(e));
    const es = FakeEventSource.last!;
    es.send(ready);
    off();
    check.resolve((raw) => raw as DeskEvent);
    await flush();
    expect(got).toEqual([]);
    expect(es.closed).toBe(true);
  });

  it('reports the connection state', () => {
    const states: boolean[] = [];
    new HttpTransport('t').subscribe(
      () => {},
      (c) => states.push(c),
    );
    FakeEventSource.last!.onopen?.();
    FakeEventSource.last!.onerror?.();
    expect(states).toEqual([true, false]);
  });
});
