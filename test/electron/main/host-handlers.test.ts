import { chmodSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Desk } from '../../../electron/core/desk';
import { GateNotifier } from '../../../electron/main/gate-notifier';
import { createElectronHandlers } from '../../../electron/main/host-handlers';
import { makeTempDir } from '../../helpers/temp-dir';

vi.mock('electron', () => import('./fake-electron'));

const tmp = makeTempDir();
const root = path.join(tmp.dir, 'root');
tmp.write('root/run/cut.mp4', 'video');
tmp.write('root/run/evil.sh', '#!/bin/sh\necho pwned\n');
chmodSync(path.join(root, 'run', 'evil.sh'), 0o755);
tmp.write('root/run/page.html', '<script>alert(1)</script>');
tmp.write('elsewhere/secret.mp4', 'secret');
symlinkSync(path.join(tmp.dir, 'elsewhere', 'secret.mp4'), path.join(root, 'run', 'link.mp4'));
afterAll(() => tmp.cleanup());

const files: Record<string, string> = { cut: 'run/cut.mp4', evil: 'run/evil.sh', page: 'run/page.html', link: 'run/link.mp4' };

function fakeDesk() {
  const roots = new Map<string, { id: string; name: string; path: string }>();
  const desk = {
    on: vi.fn(),
    addRoot: vi.fn(async (dir: string) => {
      const r = { id: 'r1', name: path.basename(dir), path: dir };
      roots.set('r1', r);
      return { ...r, watching: true, polling: false };
    }),
    removeRoot: vi.fn(async (id: string) => roots.delete(id)),
    index: {
      roots,
      getArtifact: (id: string) => (files[id] ? { runId: 'run', artifact: { id, name: id, kind: 'file', role: 'other', source: 'file', fileId: `f-${id}` } } : undefined),
      resolveFile: (fileId: string) => {
        const rel = files[fileId.slice(2)];
        return rel ? { rootId: 'r1', abs: path.join(root, ...rel.split('/')), rel } : undefined;
      },
    },
  };
  return desk;
}

function setup() {
  const desk = fakeDesk();
  const settings = { rememberFolder: vi.fn(), forgetOpenFolder: vi.fn() };
  const notifier = new GateNotifier({ notify: vi.fn(), setWaitingCount: vi.fn() });
  const quiet = vi.spyOn(notifier, 'quietDuring');
  const openPath = vi.fn(async (_abs: string) => '');
  const showItemInFolder = vi.fn();
  const onRootsChanged = vi.fn();
  const handlers = createElectronHandlers({ desk: desk as unknown as Desk, settings, notifier, openPath, showItemInFolder, onRootsChanged });
  return { desk, settings, quiet, openPath, showItemInFolder, onRootsChanged, handlers };
}

describe('addRoot (host handler)', () => {
  it('adds a folder during a quiet first scan and remembers it', async () => {
    const { handlers, desk, settings, quiet, onRootsChanged } = setup();
    const r = await handlers.addRoot(root);
    expect(r.path).toBe(root);
    expect(desk.addRoot).toHaveBeenCalledWith(root);
    expect(quiet).toHaveBeenCalledTimes(1);
    expect(settings.rememberFolder).toHaveBeenCalledWith(root);
    expect(onRootsChanged).toHaveBeenCalled();
  });

  it('refuses a relative path, a missing path and a file', async () => {
    const { handlers, desk, settings } = setup();
    await expect(handlers.addRoot('root')).rejects.toThrow(/not an absolute folder path/);
    await expect(handlers.addRoot(path.join(tmp.dir, 'missing'))).rejects.toThrow(/folder not found/);
    await expect(handlers.addRoot(path.join(root, 'run', 'cut.mp4'))).rejects.toThrow(/not a folder/);
    expect(desk.addRoot).not.toHaveBeenCalled();
    expect(settings.rememberFolder).not.toHaveBeenCalled();
  });
});

describe('removeRoot', () => {
  it('forgets the folder as open once removed', async () => {
    const { handlers, settings } = setup();
    await handlers.addRoot(root);
    expect(await handlers.removeRoot('r1')).toBe(true);
    expect(settings.forgetOpenFolder).toHaveBeenCalledWith(root);
    expect(await handlers.removeRoot('r1')).toBe(false);
    expect(settings.forgetOpenFolder).toHaveBeenCalledTimes(1);
  });
});

describe('openArtifactExternally', () => {
  it('opens the resolved artifact file inside the root with the system', async () => {
    const { handlers, desk, openPath } = setup();
    await handlers.addRoot(root);
    expect(await handlers.openArtifactExternally('cut')).toBe(true);
    expect(openPath).toHaveBeenCalledWith(path.join(desk.index.roots.get('r1')!.path, 'run', 'cut.mp4'));
  });

  it('only reveals files that opening could run (scripts, HTML)', async () => {
    const { handlers, openPath, showItemInFolder } = setup();
    await handlers.addRoot(root);
    expect(await handlers.openArtifactExternally('evil')).toBe(true);
    expect(await handlers.openArtifactExternally('page')).toBe(true);
    expect(openPath).not.toHaveBeenCalled();
    expect(showItemInFolder.mock.calls.map((c) => path.basename(c[0]))).toEqual(['evil.sh', 'page.html']);
  });

  it('opens nothing for unknown ids, paths, or a symlink out of the root', async () => {
    const { handlers, openPath, showItemInFolder } = setup();
    await handlers.addRoot(root);
    expect(await handlers.openArtifactExternally('nope')).toBe(false);
    expect(await handlers.openArtifactExternally('/etc/passwd')).toBe(false);
    expect(await handlers.openArtifactExternally('link')).toBe(false);
    expect(openPath).not.toHaveBeenCalled();
    expect(showItemInFolder).not.toHaveBeenCalled();
  });

  it('reports a failed open as false', async () => {
    const { handlers, openPath } = setup();
    await handlers.addRoot(root);
    openPath.mockResolvedValueOnce('no application for this file');
    expect(await handlers.openArtifactExternally('cut')).toBe(false);
  });
});
