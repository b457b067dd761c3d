// Every waiting gate across all folders, the longest-waiting first. A long inbox is
// virtualised: only the rows in view (and a few either side) exist, so a desk with a thousand
// waiting gates opens as fast as one with ten.
import { useCallback, useEffect, useRef } from 'react';
import { selectWaitingCount, useDeskStore } from '../../stores/desk-store';
import { navigate, selectInboxGate, useUiStore } from '../../stores/ui-store';
import { useListKeys } from '../../hooks/use-list-keys';
import { useNow } from '../../hooks/use-now';
import { EmptyState } from '../common/empty-state';
import { RecentDecisions } from '../decisions/recent-decisions';
import { InboxItem } from './inbox-item';
import { useRowWindow } from './use-row-window';

const RENDERED_MARK = 'greenlight:inbox-rendered';
/** Up to this many gates every row is rendered (small desks, and tests that count rows). */
export const VIRTUAL_FROM = 100;
/**
 * Rows all have the same height (one title line, one detail line). Rows are laid out in the
 * normal flow between two paddings of the list, inside a scroll box, so a guess a little off only
 * shifts the paddings: measuring every row would force a layout per row on the first render.
 * The paddings are the list's, never the scroll box's: a box's padding cannot shrink, so padding
 * on the scroll box itself made it as tall as all rows together (it then measured itself as a
 * 60,000-pixel viewport, drew every row once, and could scroll only a little way).
 */
const ROW_HEIGHT = 61;
/** Rows beyond each edge of the view: about a screen's quarter, enough for a wheel's steps. */
const OVERSCAN = 4;
const LIST_BOTTOM_PADDING = 24;

export function InboxView() {
  // Until the full snapshot is in, `gates` holds the first screen's and `waiting` counts them all.
  const gates = useDeskStore((s) => s.gates);
  const waiting = useDeskStore(selectWaitingCount);
  const runs = useDeskStore((s) => s.runs);
  const selection = useUiStore((s) => s.inboxSelection);
  const dialogOpen = useUiStore((s) => s.shortcutsOpen);
  const now = useNow();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = waiting > VIRTUAL_FROM;
  const rows = useRowWindow({ count: virtual ? Math.max(waiting, gates.length) : gates.length, rowHeight: ROW_HEIGHT, overscan: OVERSCAN, scrollRef, enabled: virtual });

  // The benchmark measures time to the first inbox that shows gates (one mark per page load).
  useEffect(() => {
    if (gates.length > 0 && !performance.getEntriesByName?.(RENDERED_MARK, 'mark').length) performance.mark?.(RENDERED_MARK);
  }, [gates.length]);

  const index = gates.findIndex((g) => g.id === selection);
  const move = useCallback(
    (dir: 1 | -1) => {
      if (!gates.length) return;
      const next = index === -1 ? (dir === 1 ? 0 : gates.length - 1) : Math.min(gates.length - 1, Math.max(0, index + dir));
      selectInboxGate(gates[next].id);
    },
    [gates, index],
  );

  useListKeys({
    enabled: !dialogOpen,
    next: () => move(1),
    prev: () => move(-1),
    open: () => {
      const g = gates[index];
      if (g) navigate({ name: 'run', runId: g.runId, stageId: g.stageId ?? g.stageName });
    },
  });

  useEffect(() => {
    if (!selection) return;
    if (virtual) {
      // The selected row may not exist yet: scroll to its place, and it is rendered there.
      const i = gates.findIndex((g) => g.id === selection);
      if (i >= 0) rows.scrollToIndex(i);
      return;
    }
    const items = scrollRef.current?.querySelectorAll<HTMLElement>('[data-gate-id]') ?? [];
    const el = Array.from(items).find((e) => e.dataset.gateId === selection);
    el?.scrollIntoView?.({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- follow the selection only
  }, [selection]);

  const padding = virtual ? { paddingTop: rows.before, paddingBottom: rows.after + LIST_BOTTOM_PADDING } : undefined;
  // Beyond the first screen until the full snapshot is in there are no gates yet: the padding holds the place.
  const shown = gates.slice(rows.start, rows.end);

  return (
    <section className="view inbox-view" aria-labelledby="inbox-title">
      <header className="view-head">
        <h1 id="inbox-title">Inbox</h1>
        <span className="view-sub">
          {waiting === 0 ? 'Nothing waiting' : `${waiting} gate${waiting === 1 ? '' : 's'} waiting, oldest first`}
        </span>
      </header>
      {gates.length === 0 ? (
        <EmptyState title="All clear" testId="inbox-empty">
          <p>No gate is waiting for a decision. New ones appear here as soon as a pipeline stops for review.</p>
        </EmptyState>
      ) : (
        <div className="inbox-scroll" ref={scrollRef} data-virtual={virtual || undefined}>
          <ul className="inbox-list" aria-label="Waiting gates" style={padding}>
            {shown.map((g) => (
              <InboxItem key={g.id} gate={g} run={runs[g.runId]} now={now} selected={g.id === selection} onSelect={selectInboxGate} />
            ))}
          </ul>
        </div>
      )}
      <RecentDecisions />
    </section>
  );
}
