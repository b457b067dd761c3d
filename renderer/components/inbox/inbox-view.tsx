// Every waiting gate across all folders, the longest-waiting first.
import { useCallback, useEffect, useRef } from 'react';
import { useDeskStore } from '../../stores/desk-store';
import { navigate, selectInboxGate, useUiStore } from '../../stores/ui-store';
import { useListKeys } from '../../hooks/use-list-keys';
import { useNow } from '../../hooks/use-now';
import { EmptyState } from '../common/empty-state';
import { RecentDecisions } from '../decisions/recent-decisions';
import { InboxItem } from './inbox-item';

const RENDERED_MARK = 'greenlight:inbox-rendered';

export function InboxView() {
  const gates = useDeskStore((s) => s.gates);
  const runs = useDeskStore((s) => s.runs);
  const selection = useUiStore((s) => s.inboxSelection);
  const dialogOpen = useUiStore((s) => s.shortcutsOpen);
  const now = useNow();
  const listRef = useRef<HTMLUListElement>(null);

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
    const items = listRef.current?.querySelectorAll<HTMLElement>('[data-gate-id]') ?? [];
    const el = Array.from(items).find((e) => e.dataset.gateId === selection);
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [selection]);

  return (
    <section className="view inbox-view" aria-labelledby="inbox-title">
      <header className="view-head">
        <h1 id="inbox-title">Inbox</h1>
        <span className="view-sub">
          {gates.length === 0 ? 'Nothing waiting' : `${gates.length} gate${gates.length === 1 ? '' : 's'} waiting, oldest first`}
        </span>
      </header>
      {gates.length === 0 ? (
        <EmptyState title="All clear" testId="inbox-empty">
          <p>No gate is waiting for a decision. New ones appear here as soon as a pipeline stops for review.</p>
        </EmptyState>
      ) : (
        <ul className="inbox-list" ref={listRef} aria-label="Waiting gates">
          {gates.map((g) => (
            <InboxItem key={g.id} gate={g} run={runs[g.runId]} now={now} selected={g.id === selection} onSelect={selectInboxGate} />
          ))}
        </ul>
      )}
      <RecentDecisions />
    </section>
  );
}
