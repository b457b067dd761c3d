import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../../../../electron/core/decide/atomic-write';
import { recoverInterruptedSwaps, swapIfUnchanged, takenNameFor } from '../../../../../electron/core/decide/writers/swap-if-unchanged';
import { sha256 } from '../../../../../electron/core/read/read-document';
import { makeTempDir } from '../../../../helpers/temp-dir';

let tmp: ReturnType<typeof makeTempDir> | undefined;
afterEach(() => {
  tmp?.cleanup();
  tmp = undefined;
});

describe('swapIfUnchanged', () => {
  it('replaces the file when it still holds the expected bytes, leaving nothing behind', async () => {
    tmp = makeTempDir();
    const f = tmp.write('checkpoint_x.json', 'old');
    const after = await swapIfUnchanged(f, Buffer.from('new'), sha256('old'));
    expect(readFileSync(f, 'utf8')).toBe('new');
    expect(after).toBe(sha256('new'));
    expect(readdirSync(tmp.dir)).toEqual(['checkpoint_x.json']);
  });

  it('conflict, and no change, when the file differs or is gone', async () => {
    tmp = makeTempDir();
    const f = tmp.write('checkpoint_x.json', 'agent v2');
    const err = await swapIfUnchanged(f, Buffer.from('new'), sha256('old')).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.currentSha256).toBe(sha256('agent v2'));
    expect(readFileSync(f, 'utf8')).toBe('agent v2');
    await expect(swapIfUnchanged(path.join(tmp.dir, 'gone.json'), Buffer.from('x'), sha256('old'))).rejects.toBeInstanceOf(ConflictError);
    expect(readdirSync(tmp.dir)).toEqual(['checkpoint_x.json']);
  });
});

describe('recoverInterruptedSwaps', () => {
  it('puts back a file taken aside by a swap that crashed in its gap', async () => {
    tmp = makeTempDir();
    const target = path.join(tmp.dir, 'checkpoint_x.json');
    writeFileSync(takenNameFor(target), 'waiting version');
    expect(await recoverInterruptedSwaps(tmp.dir)).toEqual([target]);
    expect(readFileSync(target, 'utf8')).toBe('waiting version');
    expect(readdirSync(tmp.dir)).toEqual(['checkpoint_x.json']);
  });

  it('drops the taken copy when the swap finished, and stale temp files, but not fresh ones', async () => {
    tmp = makeTempDir();
    const target = tmp.write('checkpoint_x.json', 'approved version');
    writeFileSync(takenNameFor(target), 'waiting version');
    const stale = tmp.write('.greenlight-checkpoint_x.json.0123456789ab.tmp', 'half');
    const old = Date.now() / 1000 - 3600;
    utimesSync(stale, old, old);
    const fresh = tmp.write('.greenlight-checkpoint_y.json.ba9876543210.tmp', 'in flight');
    expect(await recoverInterruptedSwaps(tmp.dir)).toEqual([]);
    expect(readFileSync(target, 'utf8')).toBe('approved version');
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(await recoverInterruptedSwaps(path.join(tmp.dir, 'missing'))).toEqual([]);
  });
});
