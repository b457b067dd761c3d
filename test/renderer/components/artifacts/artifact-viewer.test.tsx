// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ArtifactContent } from '../../../../shared/api-contract';
import type { Artifact } from '../../../../shared/model';
import { ArtifactViewer } from '../../../../renderer/components/artifacts/artifact-viewer';
import { ArtifactCard } from '../../../../renderer/components/artifacts/artifact-card';
import { invalidateArtifacts } from '../../../../renderer/stores/artifact-store';
import { setTransport } from '../../../../renderer/transport/current-transport';
import { FakeTransport } from '../../fake-transport';
import { flush } from '../../fixtures';
import { loadAllLazyViews } from '../../../../renderer/components/common/lazy-view';

// The views split into their own chunks (renderer/components/common/lazy-view.tsx) are loaded
// up front, so they render at once like the rest of the tree.
beforeAll(() => loadAllLazyViews());

function art(p: Partial<Artifact> & { id: string }): Artifact {
  return { name: p.id, kind: 'file', role: 'other', source: 'file', fileId: `f-${p.id}`, ...p };
}

let t: FakeTransport;
const contents: Record<string, ArtifactContent> = {};
beforeEach(() => {
  t = new FakeTransport();
  t.handlers.getArtifact = async (id) => (contents[id] ? { artifact: art({ id }), content: contents[id] } : null);
  t.handlers.openArtifactExternally = async () => true;
  setTransport(t);
  invalidateArtifacts();
});
afterEach(() => {
  cleanup();
  setTransport(undefined);
});

async function show(a: Artifact) {
  const r = render(<ArtifactViewer artifact={a} />);
  await act(flush);
  return r;
}

describe('ArtifactViewer', () => {
  it('draws images from the transport artifact URL without fetching the body, and zooms on click', async () => {
    const { container } = await show(art({ id: 'img/1', name: 'frame.svg', kind: 'image' }));
    const img = container.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('/artifacts/img%2F1');
    expect(t.count('getArtifact')).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Zoom frame.svg' }));
    const dialog = screen.getByRole('dialog', { name: 'frame.svg' });
    expect(dialog.querySelector('img')!.getAttribute('src')).toBe('/artifacts/img%2F1');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('plays video and audio from the artifact URL with native controls', async () => {
    const { container } = await show(art({ id: 'v1', name: 'render.mp4', kind: 'video' }));
    const video = container.querySelector('video')!;
    expect(video.getAttribute('src')).toBe('/artifacts/v1');
    expect(video.hasAttribute('controls')).toBe(true);
    expect(video.getAttribute('preload')).toBe('metadata');
    cleanup();
    const r = await show(art({ id: 'a1', name: 'music.mp3', kind: 'audio' }));
    const audio = r.container.querySelector('audio')!;
    expect(audio.getAttribute('src')).toBe('/artifacts/a1');
    expect(audio.hasAttribute('controls')).toBe(true);
  });

  it('fetches inline JSON and shows it as a tree', async () => {
    contents.j1 = { type: 'json', value: { beats: [{ id: 'b1' }] }, size: 20 };
    await show(art({ id: 'j1', kind: 'json', source: 'inline', pointer: '/artifacts/plan' }));
    expect(t.calls[0]).toEqual({ channel: 'getArtifact', args: ['j1'] });
    expect(screen.getByRole('tree')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Collapse beats' })).toBeTruthy();
  });

  it('renders .md text as markdown and other text as preformatted text', async () => {
    contents.m1 = { type: 'text', text: '# Notes\n<script>x()</script>', truncated: false, size: 30 };
    const r1 = await show(art({ id: 'm1', name: 'notes.md', kind: 'text' }));
    expect(screen.getByRole('heading', { name: 'Notes' })).toBeTruthy();
    expect(r1.container.querySelector('script')).toBeNull();
    cleanup();
    contents.t1 = { type: 'text', text: '1\n00:00:01 --> 00:00:02\n<b>hi</b>', truncated: true, size: 5_000_000 };
    const r2 = await show(art({ id: 't1', name: 'subs.srt', kind: 'text' }));
    expect(r2.container.querySelector('pre')!.textContent).toContain('<b>hi</b>');
    expect(r2.container.querySelector('b')).toBeNull();
    expect(r2.container.textContent).toContain('Showing the beginning');
  });

  it('links url artifacts safely and warns that presigned URLs expire', async () => {
    await show(art({ id: 'u1', kind: 'video', source: 'url', url: 'https://bucket.s3.amazonaws.com/v/final_v1.mp4?X-Amz-Signature=abc' }));
    const link = screen.getByRole('link');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(screen.getByText(/presigned URL: it expires/)).toBeTruthy();
    cleanup();
    await show(art({ id: 'u2', source: 'url', url: 'javascript:alert(1)' }));
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('javascript:alert(1)')).toBeTruthy();
  });

  it('names the missing file', async () => {
    await show(art({ id: 'x', source: 'missing', rel: 'renders/final.mp4', kind: 'video' }));
    expect(screen.getByText('File not found')).toBeTruthy();
    expect(screen.getByText('renders/final.mp4')).toBeTruthy();
    expect(t.count('getArtifact')).toBe(0);
  });

  it('offers a download link in the browser and "Open in the system" in Electron', async () => {
    await show(art({ id: 'p1', name: 'scene.blend', size: 2048 }));
    const dl = screen.getByRole('link', { name: 'Download scene.blend' });
    expect(dl.getAttribute('href')).toBe('/artifacts/p1');
    expect(dl.hasAttribute('download')).toBe(true);
    expect(screen.getByText('2.0 KB')).toBeTruthy();
    cleanup();
    t.kind = 'electron';
    await show(art({ id: 'p1', name: 'scene.blend' }));
    fireEvent.click(screen.getByRole('button', { name: 'Open scene.blend in the system' }));
    await act(flush);
    expect(t.calls.at(-1)).toEqual({ channel: 'openArtifactExternally', args: ['p1'] });
  });

  it('reports a failed load and refetches after invalidation', async () => {
    t.handlers.getArtifact = async () => {
      throw new Error('gone away');
    };
    await show(art({ id: 'e1', kind: 'json', source: 'inline' }));
    expect(screen.getByRole('alert').textContent).toContain('gone away');
    contents.e1 = { type: 'json', value: { ok: true }, size: 2 };
    t.handlers.getArtifact = async (id) => ({ artifact: art({ id }), content: contents[id] });
    await act(async () => {
      invalidateArtifacts(['e1']);
      await flush();
    });
    expect(screen.getByText('true')).toBeTruthy();
  });
});

describe('ArtifactCard', () => {
  it('mounts the viewer only when opened', async () => {
    contents.c1 = { type: 'json', value: { a: 1 }, size: 2 };
    render(<ArtifactCard artifact={art({ id: 'c1', name: 'script', kind: 'json', source: 'inline', summary: '3 sections' })} />);
    expect(screen.getByText('3 sections')).toBeTruthy();
    expect(t.count('getArtifact')).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: /script/ }));
    await act(flush);
    expect(t.count('getArtifact')).toBe(1);
    expect(screen.getByRole('tree')).toBeTruthy();
  });
});
