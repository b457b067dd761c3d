// Views the inbox does not need (a run, the runs list, problems, the artifact editor, the score
// chart, markdown) load as separate chunks on first use, so the code that runs before the inbox
// shows stays small. While a chunk loads, a quiet placeholder holds its place (its text shows
// only after a moment, so a fast load does not flash); if the chunk cannot be loaded (the app
// was rebuilt while open, the server went away), the place says so and offers to try again
// instead of the whole window failing. Once loaded, a view renders at once, like any other
// component: no placeholder, no remount.
import { useEffect, useState, type ComponentType, type ReactNode } from 'react';

export interface LazyViewOptions {
  /** What is loading, for the placeholder and the error ("the run", "the editor"). */
  what: string;
  /** Placeholder class, so it can take the loaded view's size (a chart's frame) and nothing shifts. */
  className?: string;
  /** Drawn around the placeholder and the load error (a dialog's frame, so it can be closed). */
  frame?: ComponentType<{ children: ReactNode }>;
}

export type LazyView<P> = ComponentType<P> & {
  /** Starts loading the chunk now (e.g. when the browser is idle); safe to call any number of times. */
  preload(): Promise<void>;
};

/** Every lazy view's loader, so all can be loaded up front (tests that render synchronously). */
const loaders = new Set<() => Promise<void>>();

/**
 * A component that loads `load()`'s component on first render. `load` is typically
 * `() => import('./x').then((m) => m.X)`, so the module becomes its own chunk.
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>, options: LazyViewOptions): LazyView<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const start = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (err: unknown) => {
        // Forget the failure, so trying again really loads again.
        loading = undefined;
        throw err;
      },
    ));
  const Frame = options.frame ?? Unframed;

  function View(props: P) {
    // A function in state is called by React: keep the component in an object.
    const [view, setView] = useState<{ component?: ComponentType<P>; failed?: boolean }>(() => ({ component: loaded }));
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (view.component) return;
      let live = true;
      start().then(
        (component) => live && setView({ component }),
        () => live && setView({ failed: true }),
      );
      return () => {
        live = false;
      };
      // eslint-disable-next-line react-hooks/exhaustive-deps -- load again only when asked to
    }, [attempt]);

    const Loaded = view.component;
    if (Loaded) return <Loaded {...props} />;
    return (
      <Frame>
        {view.failed ? (
          <LoadFailed
            what={options.what}
            onRetry={() => {
              setView({});
              setAttempt((a) => a + 1);
            }}
          />
        ) : (
          <LazyPlaceholder what={options.what} className={options.className} />
        )}
      </Frame>
    );
  }
  View.displayName = `LazyView(${options.what})`;
  const preload = () => start().then(
    () => undefined,
    () => undefined,
  );
  loaders.add(preload);
  return Object.assign(View, { preload });
}

/**
 * Loads every lazy view, also those defined by the chunks this loads (the chart inside the run
 * view), so they all render at once from then on; a failed one is tried again on first render.
 */
export async function loadAllLazyViews(): Promise<void> {
  const done = new Set<() => Promise<void>>();
  for (;;) {
    const next = [...loaders].filter((l) => !done.has(l));
    if (!next.length) return;
    for (const l of next) done.add(l);
    await Promise.all(next.map((l) => l()));
  }
}

function Unframed({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

export function LazyPlaceholder({ what, className }: { what: string; className?: string }) {
  return (
    <div className={`lazy-placeholder ${className ?? ''}`} role="status" data-testid="lazy-loading">
      <span className="spinner lazy-placeholder__spinner" aria-hidden="true" />
      <span className="lazy-placeholder__text">Loading {what}…</span>
    </div>
  );
}

function LoadFailed({ what, onRetry }: { what: string; onRetry(): void }) {
  return (
    <div className="lazy-failed" role="alert" data-testid="lazy-failed">
      <p>Greenlight could not load {what}. If the app was just updated, reloading the window loads the new version.</p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}

/** Runs `fn` when the browser has nothing else to do (after the first screen), or soon where it cannot tell. */
export function whenIdle(fn: () => void): void {
  const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
  if (ric) ric(fn, { timeout: 2000 });
  else setTimeout(fn, 200);
}
