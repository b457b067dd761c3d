// @vitest-environment jsdom
// The inbox's window of rows: arithmetic on the scroll box's offset and height, rows of one height.
import { act, cleanup, render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useRowWindow, type RowWindow } from '../../../../renderer/components/inbox/use-row-window';

let seen: RowWindow;
let renders = 0;

function Harness({ count, enabled = true, height = 600 }: { count: number; enabled?: boolean; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  seen = useRowWindow({ count, rowHeight: 50, overscan: 2, scrollRef: ref, enabled });
  renders++;
  return (
    <div
      ref={(el) => {
        ref.current = el;
        // jsdom has no layout: the box reports the height a browser would give it.
        if (el) Object.defineProperty(el, 'clientHeight', { configurable: true, value: height });
      }}
      data-testid="box"
    />
  );
}

function scrollTo(box: HTMLElement, top: number) {
  act(() => {
    box.scrollTop = top;
    box.dispatchEvent(new Event('scroll'));
  });
}

afterEach(() => {
  cleanup();
  renders = 0;
});

describe('useRowWindow', () => {
  it('renders the rows in view and a few either side, with the rest as space', () => {
    render(<Harness count={1000} />);
    // 600 px of 50 px rows: rows 0–11 in view, two more below.
    expect([seen.start, seen.end]).toEqual([0, 14]);
    expect(seen.before).toBe(0);
    expect(seen.after).toBe((1000 - 14) * 50);
  });

  it('follows the scroll offset', () => {
    const { getByTestId } = render(<Harness count={1000} />);
    scrollTo(getByTestId('box'), 5000);
    expect([seen.start, seen.end]).toEqual([98, 114]);
    expect(seen.before).toBe(98 * 50);
    scrollTo(getByTestId('box'), 50 * 1000 - 600);
    expect(seen.end).toBe(1000);
    expect(seen.after).toBe(0);
  });

  it('renders again only when the rendered rows change', () => {
    const { getByTestId } = render(<Harness count={1000} />);
    scrollTo(getByTestId('box'), 210);
    const before = renders;
    // Still rows 4–16 in view: nothing to render.
    scrollTo(getByTestId('box'), 220);
    scrollTo(getByTestId('box'), 240);
    expect(renders).toBe(before);
    scrollTo(getByTestId('box'), 300);
    expect(renders).toBe(before + 1);
  });

  it('scrolls just enough to bring a row into view, like "nearest"', () => {
    const { getByTestId } = render(<Harness count={1000} />);
    const box = getByTestId('box');
    act(() => seen.scrollToIndex(5));
    expect(box.scrollTop).toBe(0);
    act(() => seen.scrollToIndex(30));
    expect(box.scrollTop).toBe(31 * 50 - 600);
    act(() => seen.scrollToIndex(2));
    expect(box.scrollTop).toBe(100);
  });

  it('keeps the assumed height where the box has no layout, so rows still show', () => {
    render(<Harness count={1000} height={0} />);
    expect(seen.end).toBeGreaterThan(10);
  });

  it('renders every row when turned off', () => {
    render(<Harness count={40} enabled={false} />);
    expect([seen.start, seen.end, seen.before, seen.after]).toEqual([0, 40, 0, 0]);
  });
});
