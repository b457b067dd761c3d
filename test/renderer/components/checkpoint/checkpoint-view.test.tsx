// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Artifact } from '../../../../shared/model';
import { CheckpointView } from '../../../../renderer/components/checkpoint/checkpoint-view';
import { invalidateArtifacts } from '../../../../renderer/stores/artifact-store';
import { setTransport } from '../../../../renderer/transport/current-transport';
import { FakeTransport } from '../../fake-transport';
import { flush, gate, problem, run, stage } from '../../fixtures';

const a = (p: Partial<Artifact> & { id: string }): Artifact => ({ name: p.id, kind: 'json', role: 'other', source: 'inline', fileId: 'f-stage', ...p });

let t: FakeTransport;
beforeEach(() => {
  t = new FakeTransport();
  t.handlers.getArtifact = async (id) => ({ artifact: a({ id }), content: { type: 'json', value: { id, scenes: [1, 2] }, size: 9 } });
  t.handlers.getFile = async (id) => ({
    file: { id, rootId: 'root-1', rel: 'projects/demo/checkpoint_script.json' },
    text: '{"stage":"script"}',
    truncated: false,
    problems: [
      problem({ rel: 'projects/demo/checkpoint_script.json', severity: 'warning', field: '/cost_snapshot/spent_usd', message: 'expected a number', code: 'schema.type' }),
      problem({ rel: 'projects/demo/checkpoint_script.json', severity: 'error', field: '/status', message: 'unknown status "paused"', code: 'om.status' }),
    ],
  });
  setTransport(t);
  invalidateArtifacts();
});
afterEach(() => {
  cleanup();
  setTransport(undefined);
});

function fixture() {
  const s = stage({
    id: 's-script',
    name: 'script',
    status: 'awaiting_human',
    startedAt: '2026-07-12T08:00:00Z',
    updatedAt: '2026-07-12T08:43:27Z',
    attempts: 2,
    gateRequired: true,
    gateId: 'g1',
    fileId: 'f-stage',
    rel: 'projects/demo/checkpoint_script.json',
    cost: { spentUsd: 1.5, budgetUsd: 6 },
    flags: ['gate_skipped'],
    review: { source: 'reviewer', score: 8, decision: 'APPROVE', strengths: ['Clear hook'], issues: [], scores: [] },
    artifacts: [
      a({ id: 'notes', name: 'notes.md', kind: 'text', role: 'other', source: 'file', rel: 'projects/demo/notes.md' }),
      a({ id: 'script', name: 'script', role: 'canonical', summary: '6 sections' }),
      a({ id: 'review', name: 'final_review', role: 'supplementary' }),
      a({ id: 'gone', name: 'voiceover.wav', kind: 'audio', source: 'missing', rel: 'assets/audio/voiceover.wav' }),
    ],
  });
  const r = run({
    id: 'r1',
    stages: [s],
    gates: [gate({ id: 'g1', runId: 'r1', status: 'waiting', since: '2026-07-12T08:43:27Z', note: 'Check the hook' })],
  });
  return { r, s };
}

describe('CheckpointView', () => {
  it('shows the stage header with status, times, attempts and the cost bar', async () => {
    const { r, s } = fixture();
    render(<CheckpointView run={r} stage={s} />);
    await act(flush);
    expect(screen.getByRole('heading', { name: 'script', level: 2 })).toBeTruthy();
    expect(screen.getAllByText('awaiting human')[0].getAttribute('data-tone')).toBe('warn');
    expect(screen.getByText('43m 27s')).toBeTruthy();
    expect(screen.getByText('Attempts').nextElementSibling!.textContent).toBe('2');
    const meter = screen.getByRole('meter', { name: 'Budget spent' });
    expect(meter.getAttribute('aria-valuetext')).toBe('$1.50 of $6.00');
    expect(screen.getByText('gate skipped')).toBeTruthy();
  });

  it('groups artifacts by role with the canonical one first and open', async () => {
    const { r, s } = fixture();
    const { container } = render(<CheckpointView run={r} stage={s} />);
    await act(flush);
    const titles = [...container.querySelectorAll('.gl-alist__title')].map((h) => h.textContent);
    expect(titles).toEqual(['Canonical (1)', 'Supplementary (1)', 'Other artifacts (2)']);
    expect(screen.getByRole('button', { name: /script/, expanded: true })).toBeTruthy();
    expect(t.calls.find((c) => c.channel === 'getArtifact')?.args).toEqual(['script']);
    expect(screen.getByRole('button', { name: /final_review/, expanded: false })).toBeTruthy();
    expect(screen.getByText('missing')).toBeTruthy();
  });

  it('shows the gate as a plain section with an empty actions slot', async () => {
    const { r, s } = fixture();
    const { container } = render(<CheckpointView run={r} stage={s} />);
    await act(flush);
    const box = screen.getByRole('region', { name: 'Approval gate' });
    expect(within(box).getByText('waiting')).toBeTruthy();
    expect(within(box).getByText('Check the hook')).toBeTruthy();
    expect(container.querySelector('[data-slot="gate-actions"]')).toBeTruthy();
  });

  it('shows the review and the file problems, errors first', async () => {
    const { r, s } = fixture();
    const { container } = render(<CheckpointView run={r} stage={s} />);
    await act(flush);
    expect(screen.getByText('Clear hook')).toBeTruthy();
    const items = [...container.querySelectorAll('.gl-problem')];
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain('/status');
    expect(items[0].querySelector('[aria-label="error"]')).toBeTruthy();
    expect(items[1].textContent).toContain('/cost_snapshot/spent_usd');
    expect(t.calls.filter((c) => c.channel === 'getFile').map((c) => c.args)).toEqual([['f-stage']]);
  });

  it('works for a bare stage with no gate, review, file or artifacts', () => {
    const s = stage({ id: 's', name: 'idea', status: 'pending' });
    render(<CheckpointView run={run({ id: 'r', stages: [s] })} stage={s} />);
    expect(screen.getByText('This stage has no artifacts.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Approval gate' })).toBeNull();
  });

  it('also opens the first video, which is usually what is under review', async () => {
    const s = stage({
      id: 's',
      name: 'compose',
      artifacts: [
        a({ id: 'report', name: 'render_report', role: 'canonical' }),
        a({ id: 'vid', name: 'final_render', kind: 'video', source: 'file', rel: 'renders/final.mp4' }),
        a({ id: 'vid2', name: 'alt_render', kind: 'video', source: 'file', rel: 'renders/alt.mp4' }),
      ],
    });
    const { container } = render(<CheckpointView run={run({ id: 'r', stages: [s] })} stage={s} />);
    await act(flush);
    const videos = container.querySelectorAll('video');
    expect(videos).toHaveLength(1);
    expect(videos[0].getAttribute('src')).toBe('/artifacts/vid');
  });

  it('shows a gallery for runs of images (keyframes)', async () => {
    const frames = Array.from({ length: 70 }, (_, i) =>
      a({ id: `kf${i}`, name: `kf_${String(i).padStart(4, '0')}.jpg`, kind: 'image', source: 'file', role: 'other' }),
    );
    const s = stage({ id: 's', name: 'keyframes', artifacts: frames });
    const { container } = render(<CheckpointView run={run({ id: 'r', stages: [s] })} stage={s} />);
    const imgs = container.querySelectorAll('.gl-gallery img');
    expect(imgs).toHaveLength(60);
    expect(imgs[0].getAttribute('src')).toBe('/artifacts/kf0');
    expect(screen.getByRole('button', { name: /Show 10 more images/ })).toBeTruthy();
  });
});
