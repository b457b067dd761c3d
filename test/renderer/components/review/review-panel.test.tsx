// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Review } from '../../../../shared/model';
import { DecisionBadge } from '../../../../renderer/components/review/decision-badge';
import { groupIssues } from '../../../../renderer/components/review/issue-groups';
import { ReviewPanel } from '../../../../renderer/components/review/review-panel';

afterEach(cleanup);

const review: Review = {
  source: 'judge',
  score: 6.4,
  rawScore: 64,
  scale: 100,
  decision: 'SOFT_FAIL',
  summary: 'Good energy, weak chorus.',
  strengths: ['Strong opening', 'Tight sync'],
  issues: [
    { severity: 'minor', text: 'Pan jitter', location: 'verse_2' },
    { severity: 'Critical', text: 'Strobe during ballad', location: 'bridge', suggestion: 'Use a slow fade' },
    { severity: 'nitpick', text: 'Name typo' },
    { severity: 'cosmetic', text: 'Odd colour' },
    { severity: 'moderate', text: 'Chorus lacks lift' },
    { severity: 'critical', text: 'Fixtures collide' },
  ],
  feedback: 'Raise chorus energy.\nKeep the intro.',
  scores: [
    { name: 'musicality', score: 7, max: 10 },
    { name: 'variety', score: 55, max: 100 },
  ],
};

describe('groupIssues', () => {
  it('orders severities critical → nitpick, then unknown ones, case-insensitively', () => {
    const groups = groupIssues(review.issues);
    expect(groups.map((g) => g.severity)).toEqual(['critical', 'moderate', 'minor', 'nitpick', 'cosmetic']);
    expect(groups[0].issues.map((i) => i.text)).toEqual(['Strobe during ballad', 'Fixtures collide']);
  });
});

describe('ReviewPanel', () => {
  it('shows the score with its raw value and scale, and the decision badge', () => {
    render(<ReviewPanel review={review} />);
    const meter = screen.getByRole('meter', { name: 'Score' });
    expect(meter.getAttribute('aria-valuenow')).toBe('6.4');
    expect(screen.getByText('6.4')).toBeTruthy();
    expect(screen.getByText(/raw 64/).textContent).toContain('/ 100');
    expect(screen.getByText('SOFT_FAIL').getAttribute('data-tone')).toBe('warn');
    expect(screen.getByRole('heading', { name: 'Judge' })).toBeTruthy();
  });

  it('lists strengths, grouped issues with location and suggestion, feedback and criteria', () => {
    const { container } = render(<ReviewPanel review={review} />);
    expect(screen.getByText('Strong opening')).toBeTruthy();
    const groups = [...container.querySelectorAll('[data-severity]')].map((g) => g.getAttribute('data-severity'));
    expect(groups).toEqual(['critical', 'moderate', 'minor', 'nitpick', 'cosmetic']);
    const critical = container.querySelector('[data-severity="critical"]') as HTMLElement;
    expect(within(critical).getByText('bridge')).toBeTruthy();
    expect(within(critical).getByText('Use a slow fade')).toBeTruthy();
    expect(screen.getByText(/Raise chorus energy/).textContent).toContain('Keep the intro.');
    expect(screen.getByText('musicality')).toBeTruthy();
    expect(screen.getByText('variety').parentElement!.textContent).toContain('55/100');
  });

  it('says so when a review is empty', () => {
    render(<ReviewPanel review={{ source: 'reviewer', strengths: [], issues: [], scores: [] }} />);
    expect(screen.getByText(/holds no score/)).toBeTruthy();
    expect(screen.queryByRole('meter')).toBeNull();
  });
});

describe('DecisionBadge', () => {
  it('colours APPROVE green, SOFT_FAIL amber, HARD_FAIL red and the rest neutral', () => {
    const tones = ['APPROVE', 'SOFT_FAIL', 'HARD_FAIL', 'MAYBE'].map((d) => {
      const { container } = render(<DecisionBadge decision={d} />);
      const tone = container.firstElementChild!.getAttribute('data-tone');
      cleanup();
      return tone;
    });
    expect(tones).toEqual(['ok', 'warn', 'bad', 'neutral']);
  });
});
