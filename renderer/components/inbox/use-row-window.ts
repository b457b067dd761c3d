// Which rows of a long list of equal-height rows to render: those in view, and a few either
// side. The inbox's rows all have one height, so the window is plain arithmetic on the scroll
// box's offset and height; a general virtualizer (@tanstack/react-virtual, used where rows
// differ) would add 30 KB to the first screen's code and a measurement record per row (1,076 of
// them) to its first render.
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

export interface RowWindowOptions {
  count: number;
  rowHeight: number;
  /** Rows rendered beyond each edge of the view, so a scroll does not show blank space first. */
  overscan: number;
  scrollRef: RefObject<HTMLElement | null>;
  /** Off: every row is rendered (short lists) and nothing is observed. */
  enabled: boolean;
}

export interface RowWindow {
  /** First and one-past-last row to render. */
  start: number;
  end: number;
  /** Space above and below the rendered rows, for the list's padding. */
  before: number;
  after: number;
  /** Scrolls just enough to bring a row into view (as scrollIntoView's "nearest"). */
  scrollToIndex(index: number): void;
}

interface View {
  top: number;
  height: number;
}

/** Before the box can be measured, the window's height: a little more than the box gets, so the first render already fills it. */
const assumedHeight = () => globalThis.innerHeight || 900;

export function useRowWindow({ count, rowHeight, overscan, scrollRef, enabled }: RowWindowOptions): RowWindow {
  const [view, setView] = useState<View>(() => ({ top: 0, height: assumedHeight() }));
  // The view last rendered, read by the scroll and resize handlers without re-rendering.
  const shown = useRef(view);
  shown.current = view;
  const range = (v: View) => ({
    start: Math.max(0, Math.floor(v.top / rowHeight) - overscan),
    end: Math.min(count, Math.ceil((v.top + v.height) / rowHeight) + overscan),
  });

  useLayoutEffect(() => {
    const box = scrollRef.current;
    if (!enabled || !box) return;
    // Only a change of the rendered rows re-renders (a scroll within a row does not); a box
    // without layout (hidden, or jsdom) keeps the assumed height rather than showing no rows.
    const read = () => {
      const prev = shown.current;
      const next = { top: box.scrollTop, height: box.clientHeight || prev.height };
      const a = range(prev);
      const b = range(next);
      if (a.start !== b.start || a.end !== b.end) setView((shown.current = next));
    };
    read();
    box.addEventListener('scroll', read, { passive: true });
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(read) : undefined;
    resize?.observe(box);
    return () => {
      box.removeEventListener('scroll', read);
      resize?.disconnect();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `range` only reads count and the constants
  }, [enabled, scrollRef, count, rowHeight, overscan]);

  const scrollToIndex = useCallback(
    (index: number) => {
      const box = scrollRef.current;
      if (!box) return;
      const top = index * rowHeight;
      const bottom = top + rowHeight;
      if (top < box.scrollTop) box.scrollTop = top;
      else if (bottom > box.scrollTop + box.clientHeight) box.scrollTop = bottom - box.clientHeight;
    },
    [scrollRef, rowHeight],
  );

  if (!enabled) return { start: 0, end: count, before: 0, after: 0, scrollToIndex };
  const { start, end } = range(view);
  return { start, end, before: start * rowHeight, after: (count - end) * rowHeight, scrollToIndex };
}
