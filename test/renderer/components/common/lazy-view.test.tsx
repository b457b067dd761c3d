// @vitest-environment jsdom
// Views split into their own chunks: a quiet placeholder while the chunk loads, the view once it
// has, a way to try again when it could not be loaded, and no placeholder at all once loaded.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { lazyView, loadAllLazyViews } from '../../../../renderer/components/common/lazy-view';
import { deferred } from '../../../helpers/deferred';

function Greeting({ name }: { name: string }) {
  return <p data-testid="greeting">Hello {name}</p>;
}

afterEach(cleanup);

describe('lazyView', () => {
  it('shows a placeholder that says what is loading, then the view with its props', async () => {
    const chunk = deferred<typeof Greeting>();
    const View = lazyView(() => chunk.promise, { what: 'the greeting', className: 'gl-chart' });
    render(<View name="Ada" />);
    const placeholder = screen.getByTestId('lazy-loading');
    expect(placeholder.textContent).toBe('Loading the greeting…');
    expect(placeholder.getAttribute('role')).toBe('status');
    // It can take the loaded view's frame, so nothing shifts when the view arrives.
    expect(placeholder.className).toContain('gl-chart');
    await act(async () => chunk.resolve(Greeting));
    expect(screen.getByTestId('greeting').textContent).toBe('Hello Ada');
    expect(screen.queryByTestId('lazy-loading')).toBeNull();
  });

  it('loads the chunk once, however many places show the view', async () => {
    let loads = 0;
    const View = lazyView(
      async () => {
        loads++;
        return Greeting;
      },
      { what: 'the greeting' },
    );
    render(
      <>
        <View name="a" />
        <View name="b" />
      </>,
    );
    expect(await screen.findAllByTestId('greeting')).toHaveLength(2);
    expect(loads).toBe(1);
  });

  it('renders at once, without a placeholder, once its chunk is loaded (preload)', async () => {
    const View = lazyView(async () => Greeting, { what: 'the greeting' });
    await View.preload();
    render(<View name="Grace" />);
    expect(screen.getByTestId('greeting').textContent).toBe('Hello Grace');
  });

  it('says when the chunk cannot be loaded, and loads it again on "Try again"', async () => {
    let attempt = 0;
    const View = lazyView(
      async () => {
        attempt++;
        if (attempt === 1) throw new Error('Failed to fetch dynamically imported module');
        return Greeting;
      },
      { what: 'the greeting' },
    );
    render(<View name="Ada" />);
    const alert = await screen.findByTestId('lazy-failed');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('could not load the greeting');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect((await screen.findByTestId('greeting')).textContent).toBe('Hello Ada');
    expect(attempt).toBe(2);
  });

  it('draws the placeholder and the error inside its frame (a dialog that can be closed)', async () => {
    const chunk = deferred<typeof Greeting>();
    const Frame = ({ children }: { children: ReactNode }) => <section data-testid="frame">{children}</section>;
    const View = lazyView(() => chunk.promise, { what: 'the editor', frame: Frame });
    render(<View name="x" />);
    expect(screen.getByTestId('frame').textContent).toBe('Loading the editor…');
    await act(async () => chunk.reject(new Error('offline')));
    expect(screen.getByTestId('frame').textContent).toContain('could not load the editor');
  });

  it('does not catch errors of the loaded view itself: those are the view’s own', async () => {
    function Broken(): ReactNode {
      throw new Error('bug in the view');
    }
    const View = lazyView(async () => Broken, { what: 'the broken view' });
    await View.preload();
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => {
      errors.push(e.error);
      e.preventDefault();
    };
    window.addEventListener('error', onError);
    try {
      expect(() => render(<View />)).toThrow('bug in the view');
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(screen.queryByTestId('lazy-failed')).toBeNull();
  });

  it('loadAllLazyViews also loads views that loaded chunks define', async () => {
    let inner: ReturnType<typeof lazyView<{ name: string }>> | undefined;
    const Outer = lazyView(
      async () => {
        // A chunk that defines a lazy view of its own when it is evaluated (the chart in the run view).
        inner ??= lazyView(async () => Greeting, { what: 'the inner greeting' });
        const Inner = inner;
        return function OuterView() {
          return <Inner name="inner" />;
        };
      },
      { what: 'the outer view' },
    );
    await loadAllLazyViews();
    render(<Outer />);
    expect(screen.getByTestId('greeting').textContent).toBe('Hello inner');
  });
});
