// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JsonTree } from '../../../../renderer/components/artifacts/json-tree';

afterEach(cleanup);

const doc = {
  title: 'Launch',
  sections: [{ name: 'intro', beats: [{ id: 'b1', deep: { deeper: true } }] }],
  empty: {},
};

describe('JsonTree', () => {
  it('opens two levels by default and collapses deeper nodes', () => {
    render(<JsonTree value={doc} />);
    // depth 0 (root) and 1 (sections) open, depth 2 (sections[0]) closed
    expect(screen.getByRole('button', { name: 'Collapse root' })).toHaveProperty('ariaExpanded', 'true');
    expect(screen.getByRole('button', { name: 'Collapse sections' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Expand 0' })).toBeTruthy();
    expect(screen.queryByText('intro', { exact: false })).toBeNull();
    expect(screen.getByText('"Launch"')).toBeTruthy();
  });

  it('expands and collapses on click', () => {
    render(<JsonTree value={doc} />);
    fireEvent.click(screen.getByRole('button', { name: 'Expand 0' }));
    expect(screen.getByText('"intro"')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Collapse sections' }));
    expect(screen.queryByText('"intro"')).toBeNull();
    expect(screen.getByText('[1 item]')).toBeTruthy();
  });

  it('pages huge arrays 100 at a time', () => {
    const big = { items: Array.from({ length: 250 }, (_, i) => i * 2) };
    const { container } = render(<JsonTree value={big} />);
    const leaves = () => container.querySelectorAll('.gl-json__leaf').length;
    expect(leaves()).toBe(100);
    fireEvent.click(screen.getByRole('button', { name: 'Show 100 more' }));
    expect(leaves()).toBe(200);
    fireEvent.click(screen.getByRole('button', { name: 'Show 50 more' }));
    expect(leaves()).toBe(250);
    expect(screen.queryByRole('button', { name: /^Show \d+ more$/ })).toBeNull();
  });

  it('copies the JSON pointer of a node', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<JsonTree value={{ 'a/b': { c: 1 } }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy path /a~1b/c' }));
    expect(writeText).toHaveBeenCalledWith('/a~1b/c');
    expect(screen.getByRole('status').textContent).toContain('/a~1b/c');
  });

  it('shows markup inside strings as text', () => {
    const { container } = render(<JsonTree value={{ html: '<script>window.pwned=1</script><img src=x onerror=alert(1)>' }} />);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<script>window.pwned=1</script>');
  });

  it('renders scalars at the root', () => {
    const { container } = render(<JsonTree value={42} />);
    expect(container.textContent).toContain('42');
  });
});

describe('JsonTree on huge documents', () => {
  it('stops opening nodes automatically once a row budget is spent', () => {
    const wide = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, Array.from({ length: 100 }, (_, j) => j)]));
    const { container } = render(<JsonTree value={wide} />);
    const open = container.querySelectorAll('.gl-json__toggle[aria-expanded="true"]').length;
    // root + as many 100-row arrays as fit in the budget, not all 40
    expect(open).toBeGreaterThan(5);
    expect(open).toBeLessThan(41);
    expect(container.querySelectorAll('.gl-json__leaf').length).toBeLessThanOrEqual(1500);
  });
});
