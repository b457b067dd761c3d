// Artifact bodies and raw checkpoint files, fetched on demand and cached per id. Bodies never
// travel with the run (they can be large), so the checkpoint view asks for each one when it is
// opened, and the shell drops cached entries when the index reports changed files.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { ArtifactResult, FileView } from '../../shared/api-contract';
import { getTransport } from '../transport/current-transport';

export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: string };

interface ArtifactState {
  /** Keyed by artifact id; `value: null` means the core no longer knows the id. */
  artifacts: Record<string, Loadable<ArtifactResult | null>>;
  /** Keyed by file id: the raw checkpoint file with its problems. */
  files: Record<string, Loadable<FileView | null>>;
}

export const useArtifactStore = create<ArtifactState>(() => ({ artifacts: {}, files: {} }));

// In-flight requests, so two viewers of the same artifact share one request, and a request
// that finishes after an invalidation does not write its stale answer back.
const pendingArtifacts = new Map<string, Promise<ArtifactResult | null>>();
const pendingFiles = new Map<string, Promise<FileView | null>>();
let generation = 0;

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function loadArtifact(id: string): Promise<ArtifactResult | null> {
  const cached = useArtifactStore.getState().artifacts[id];
  if (cached?.status === 'ready') return Promise.resolve(cached.value);
  const pending = pendingArtifacts.get(id);
  if (pending) return pending;
  const started = generation;
  useArtifactStore.setState((s) => ({ artifacts: { ...s.artifacts, [id]: { status: 'loading' } } }));
  const request = getTransport()
    .invoke('getArtifact', id)
    .then(
      (value) => {
        if (started === generation) {
          useArtifactStore.setState((s) => ({ artifacts: { ...s.artifacts, [id]: { status: 'ready', value } } }));
        }
        return value;
      },
      (e: unknown) => {
        if (started === generation) {
          useArtifactStore.setState((s) => ({ artifacts: { ...s.artifacts, [id]: { status: 'error', error: message(e) } } }));
        }
        return null;
      },
    )
    .finally(() => pendingArtifacts.delete(id));
  pendingArtifacts.set(id, request);
  return request;
}

export function loadFile(fileId: string): Promise<FileView | null> {
  const cached = useArtifactStore.getState().files[fileId];
  if (cached?.status === 'ready') return Promise.resolve(cached.value);
  const pending = pendingFiles.get(fileId);
  if (pending) return pending;
  const started = generation;
  useArtifactStore.setState((s) => ({ files: { ...s.files, [fileId]: { status: 'loading' } } }));
  const request = getTransport()
    .invoke('getFile', fileId)
    .then(
      (value) => {
        if (started === generation) {
          useArtifactStore.setState((s) => ({ files: { ...s.files, [fileId]: { status: 'ready', value } } }));
        }
        return value;
      },
      (e: unknown) => {
        if (started === generation) {
          useArtifactStore.setState((s) => ({ files: { ...s.files, [fileId]: { status: 'error', error: message(e) } } }));
        }
        return null;
      },
    )
    .finally(() => pendingFiles.delete(fileId));
  pendingFiles.set(fileId, request);
  return request;
}

/**
 * Drops cached bodies so open viewers fetch them again. `ids` may hold artifact ids or file ids
 * (the index reports changed files; an artifact living in a changed file goes too). No ids = all.
 */
export function invalidateArtifacts(ids?: readonly string[]): void {
  generation += 1;
  pendingArtifacts.clear();
  pendingFiles.clear();
  if (!ids) {
    useArtifactStore.setState({ artifacts: {}, files: {} });
    return;
  }
  const drop = new Set(ids);
  useArtifactStore.setState((s) => {
    const artifacts: ArtifactState['artifacts'] = {};
    for (const [id, entry] of Object.entries(s.artifacts)) {
      const fileId = entry.status === 'ready' ? entry.value?.artifact.fileId : undefined;
      // A request still loading is dropped as well: its answer is ignored (generation moved on).
      if (drop.has(id) || (fileId && drop.has(fileId)) || entry.status === 'loading') continue;
      artifacts[id] = entry;
    }
    const files: ArtifactState['files'] = {};
    for (const [id, entry] of Object.entries(s.files)) {
      if (drop.has(id) || entry.status === 'loading') continue;
      files[id] = entry;
    }
    return { artifacts, files };
  });
}

/** The URL <img>/<video>/<audio> and download links use; the server answers Range requests. */
export function artifactUrl(id: string): string {
  return getTransport().artifactUrl(id);
}

/** Only Electron can hand a file to the system; the browser offers a download link instead. */
export function canOpenExternally(): boolean {
  return getTransport().kind === 'electron';
}

export async function openExternally(id: string): Promise<boolean> {
  if (!canOpenExternally()) return false;
  try {
    return await getTransport().invoke('openArtifactExternally', id);
  } catch {
    return false;
  }
}

/** A viewer's view of one artifact body: loads it when missing (first time, or after invalidation). */
export function useArtifact(id: string | undefined): Loadable<ArtifactResult | null> | undefined {
  const entry = useArtifactStore((s) => (id ? s.artifacts[id] : undefined));
  useEffect(() => {
    if (id && !entry) void loadArtifact(id);
  }, [id, entry]);
  return entry ?? (id ? { status: 'loading' } : undefined);
}

/** The raw checkpoint file and its problems, loaded when missing. */
export function useFileView(fileId: string | undefined): Loadable<FileView | null> | undefined {
  const entry = useArtifactStore((s) => (fileId ? s.files[fileId] : undefined));
  useEffect(() => {
    if (fileId && !entry) void loadFile(fileId);
  }, [fileId, entry]);
  return entry ?? (fileId ? { status: 'loading' } : undefined);
}
