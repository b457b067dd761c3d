// The runs list, virtualised: thousands of runs stay smooth because only the visible rows exist.
// Groups are flattened into header rows and run rows with fixed heights (no measuring).
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { RunListRow } from '../../stores/run-list';
import { selectRunRow } from '../../stores/ui-store';
import { useNow } from '../../hooks/use-now';
import { RunRow } from './run-row';

export const ROW_HEIGHT = { root: 34, project: 30, run: 48 } as const;

interface Props {
  rows: RunListRow[];
  selectedIndex: number;
}

export function RunsList({ rows, selectedIndex }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const now = useNow();
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => ROW_HEIGHT[rows[i].type],
    getItemKey: (i) => rows[i].key,
    overscan: 12,
  });

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  return (
    <div className="runs-scroll" ref={scrollRef} data-testid="runs-list">
      <div className="runs-columns" aria-hidden="true">
        <span>Run</span>
        <span>Family</span>
        <span>Status</span>
        <span>Gates</span>
        <span>Cost</span>
        <span>Updated</span>
      </div>
      <div className="runs-canvas" style={{ height: virtualizer.getTotalSize() }} role="list" aria-label="Runs">
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          return (
            <div
              key={item.key}
              className={`runs-slot slot-${row.type}`}
              role="listitem"
              style={{ transform: `translateY(${item.start}px)`, height: item.size }}
            >
              {row.type === 'root' ? (
                <div className="group-root" title={row.path}>
                  <span className="group-root-name">{row.name}</span>
                  <span className="mono muted group-path">{row.path}</span>
                  <span className="muted">{row.count} runs</span>
                </div>
              ) : row.type === 'project' ? (
                <div className="group-project">
                  <span className="group-project-name">{row.project}</span>
                  <span className="muted">
                    {row.count} run{row.count === 1 ? '' : 's'}
                  </span>
                  {row.waiting > 0 ? <span className="count count-amber">{row.waiting} waiting</span> : null}
                </div>
              ) : (
                <RunRow run={row.run} now={now} selected={item.index === selectedIndex} onSelect={selectRunRow} />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
