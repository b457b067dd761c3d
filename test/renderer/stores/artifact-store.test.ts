// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArtifactResult, FileView } from '../../../shared/api-contract';
import {
  artifactUrl,
  canOpenExternally,
  invalidateArtifacts,
  loadArtifact,
  loadFile,
  openExternally,
  useArtifactStore,
} from '../../../renderer/stores/artifact-store';
import { setTransport } from '../../../renderer/transport/current-transport';
import { FakeTransport } from '../fake-transport';
import { flush } from '../fixtures';

function result(id: string, fileId = `file-${id}`): ArtifactResult {
  return {
    artifact: { id, name: id, kind: 'json', role: 'other', source: 'inline', fileId, pointer: '/artifacts/x' },
    content: { type: 'json', value: { id }, size: 10 },
  };
}

const fileView = (id: string): FileView => ({
  file: { id, rootId: 'r', rel: `p/${id}.json` },
  text: '{}',
  truncated: false,
  problems: [],
});

let t: FakeTransport;
beforeEach(() => {
  t = new FakeTransport();
  t.handlers.getArtifact = async (id) => result(id);
  t.handlers.getFile = async (id) => fileView(id);
  t.handlers.openArtifactExternally = async () => true;
  setTransport(t);
  invalidateArtifacts();
});
afterEach(() => setTransport(undefined));

describe('artifact store', () => {
  it('fetches an artifact once and serves it from the cache afterwards', async () => {
    const [a, b] = await Promise.all([loadArtifact('a1'), loadArtifact('a1')]);
    expect(a).toEqual(result('a1'));
    expect(b).toBe(a);
    await loadArtifact('a1');
    expect(t.count('getArtifact')).toBe(1);
    expect(useArtifactStore.getState().artifacts.a1).toEqual({ status: 'ready', value: result('a1') });
  });

  it('records failures as an error state instead of throwing', async () => {
    t.handlers.getArtifact = async () => {
      throw new Error('boom');
    };
    await expect(loadArtifact('bad')).resolves.toBeNull();
    expect(useArtifactStore.getState().artifacts.bad).toEqual({ status: 'error', error: 'boom' });
  });

  it('invalidates by artifact id, by the id of the file the artifact lives in, or everything', async () => {
    await loadArtifact('a1');
    await loadArtifact('a2');
    await loadArtifact('a3');
    await loadFile('f9');
    invalidateArtifacts(['a1']);
    expect(Object.keys(useArtifactStore.getState().artifacts).sort()).toEqual(['a2', 'a3']);
    invalidateArtifacts(['file-a2', 'f9']);
    expect(Object.keys(useArtifactStore.getState().artifacts)).toEqual(['a3']);
    expect(useArtifactStore.getState().files).toEqual({});
    invalidateArtifacts();
    expect(useArtifactStore.getState().artifacts).toEqual({});
    await loadArtifact('a3');
    expect(t.count('getArtifact')).toBe(4);
  });

  it('ignores an answer that arrives after an invalidation', async () => {
    let release!: () => void;
    t.handlers.getArtifact = (id) => new Promise((r) => (release = () => r(result(id))));
    const pending = loadArtifact('slow');
    invalidateArtifacts(['slow']);
    release();
    await pending;
    expect(useArtifactStore.getState().artifacts.slow).toBeUndefined();
  });

  it('loads the raw checkpoint file with its problems', async () => {
    const v = await loadFile('f1');
    expect(v).toEqual(fileView('f1'));
    await loadFile('f1');
    expect(t.count('getFile')).toBe(1);
  });

  it('builds media URLs through the transport', () => {
    expect(artifactUrl('a b')).toBe('/artifacts/a%20b');
  });

  it('opens files externally only in Electron', async () => {
    expect(canOpenExternally()).toBe(false);
    expect(await openExternally('a1')).toBe(false);
    expect(t.count('openArtifactExternally')).toBe(0);
    t.kind = 'electron';
    expect(canOpenExternally()).toBe(true);
    expect(await openExternally('a1')).toBe(true);
    expect(t.calls.at(-1)).toEqual({ channel: 'openArtifactExternally', args: ['a1'] });
    await flush();
  });
});
