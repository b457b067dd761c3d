// The inbox's first screen, asked for by the boot script (renderer/boot.ts) as soon as that
// arrives, while the app's own code is still being downloaded, compiled and evaluated; the desk
// store takes the answer instead of asking again. The boot script is a bundle of its own, so
// the request is handed over on the window, under one name, and taken once.
import type { Snapshot, SnapshotRequest } from '../../shared/api-contract';
import type { GreenlightBridge } from '../../shared/preload-bridge';
import { parseRoute } from '../stores/route';
import { invokeHttp, pageToken } from './http-invoke';

/** Gates in the inbox's first screen: more rows than the tallest window shows, with its overscan. */
export const FIRST_SCREEN_GATES = 60;

const SLOT = '__greenlightFirstScreen';
/** Absent: not asked; a promise: asked, not taken yet; null: taken (or the app asked itself). */
type Slot = { [SLOT]?: Promise<Snapshot> | null };
const slot = globalThis as Slot;

/** Asks for the first screen now, when the page opens on the inbox and the app has not asked yet. */
export function requestFirstScreenEarly(): void {
  if (SLOT in slot || parseRoute(globalThis.location?.hash ?? '').name !== 'inbox') return;
  const request: SnapshotRequest = { firstScreen: FIRST_SCREEN_GATES };
  const bridge = (globalThis as { greenlight?: GreenlightBridge }).greenlight;
  const asked = bridge ? bridge.getSnapshot(request) : invokeHttp(pageToken(), '', 'getSnapshot', [request]);
  // Its failure is not lost: the desk store takes this promise and reports it.
  asked.catch(() => {});
  slot[SLOT] = asked;
}

/** The early request's answer, if the boot script made one; after this the boot script asks nothing. */
export function takeEarlyFirstScreen(): Promise<Snapshot> | undefined {
  const asked = slot[SLOT] ?? undefined;
  slot[SLOT] = null;
  return asked;
}
