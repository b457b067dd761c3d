// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { diffChanges } from '../../../../renderer/components/iterations/delta-changes';
import { JsonDiffView } from '../../../../renderer/components/iterations/json-diff-view';
import { formatPath } from '../../../../renderer/components/checkpoint/format-values';

afterEach(cleanup);

const A = {
  score: 5.5,
  decision: 'SOFT_FAIL',
  strengths: ['Good intro'],
  issues: [{ severity: 'major', issue: 'Chorus flat', location: 'chorus_1' }],
  sections: [
    { section_name: 'intro', energy_level: 30 },
    { section_name: 'chorus', energy_level: 60 },
  ],
  removedKey: true,
};
const B = {
  score: 7.2,
  decision: 'APPROVE',
  strengths: ['Good intro', 'Great lift'],
  issues: [],
  sections: [
    { section_name: 'intro', energy_level: 30 },
    { section_name: 'verse', energy_level: 45 },
    { section_name: 'chorus', energy_level: 85 },
  ],
  note: '<script>alert(1)</script>',
};

describe('diffChanges', () => {
  it('lists added, removed and changed values with their paths', () => {
    const rows = diffChanges(A, B).map((c) => `${c.kind} ${formatPath(c.path)}`);
    expect(rows).toContain('changed score');
    expect(rows).toContain('changed decision');
    expect(rows).toContain('added strengths[1]');
    expect(rows).toContain('removed issues[0]');
    expect(rows).toContain('added sections[1]');
    // matched by section_name, so chorus is a change of energy, not a replacement
    expect(rows).toContain('changed sections[2].energy_level');
    expect(rows).toContain('removed removedKey');
    expect(rows).toContain('added note');
  });

  it('finds nothing between equal documents', () => {
    expect(diffChanges({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
  });
});

describe('JsonDiffView', () => {
  it('renders rows with old values on the left and new on the right, as inert text', () => {
    const { container } = render(<JsonDiffView left={A} right={B} leftLabel="A · #1" rightLabel="B · #2" />);
    expect(screen.getByRole('columnheader', { name: 'A · #1' })).toBeTruthy();
    const score = container.querySelector('[data-path="score"]')!;
    expect(score.getAttribute('data-kind')).toBe('changed');
    expect(score.querySelector('.gl-diff__cell--removed')!.textContent).toBe('5.5');
    expect(score.querySelector('.gl-diff__cell--added')!.textContent).toBe('7.2');
    const added = container.querySelector('[data-path="note"]')!;
    expect(added.querySelector('.gl-diff__cell--added')!.textContent).toContain('<script>alert(1)</script>');
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('[data-path="removedKey"] .gl-diff__cell--removed')!.textContent).toBe('true');
    expect(container.querySelector(".gl-diff__count--changed")!.textContent).toMatch(/^\d+ changed$/);
  });

  it('says when there is no difference', () => {
    render(<JsonDiffView left={{ a: 1 }} right={{ a: 1 }} leftLabel="A" rightLabel="B" />);
    expect(screen.getByTestId('json-diff-empty')).toBeTruthy();
  });
});
