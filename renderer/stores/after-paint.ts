// "After the browser has shown what was just rendered": a frame callback, then a task, since
// frame callbacks run before that frame is painted. A hidden window gets no frames, so a
// timeout stands in (as it does where there are no frames at all, in tests).
export function afterNextPaint(fallbackMs = 100): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, fallbackMs);
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}
