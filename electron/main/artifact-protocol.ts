// greenlight-artifact://artifact/<id> serves artifact bytes to <img>/<video>/<audio>. The id is
// mapped by the core to a file inside a watched root (real path checked on every request), so
// no URL can name an arbitrary path; Range requests let media seek; and the bytes are served
// with a sandboxing CSP so an SVG or HTML artifact opened on its own can run nothing.
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Protocol } from 'electron';
import type { Desk } from '../core/desk';
import { openResolved, resolveArtifactFile, type ResolvedFile } from '../core/api/resolve-artifact-file';
import { mediaTypeOf } from '../core/families/shared/artifact-paths';
import { parseRange } from '../server/parse-range';
import { acceptRequest, ARTIFACT_HOST, ARTIFACT_SCHEME } from './app-origin';

export const ARTIFACT_CSP = "default-src 'none'; sandbox";

const BASE_HEADERS: Record<string, string> = {
  'content-security-policy': ARTIFACT_CSP,
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

export type ResolveArtifact = (artifactId: string) => Promise<ResolvedFile>;

export function createArtifactRequestHandler(resolve: ResolveArtifact): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = acceptRequest(request, ARTIFACT_HOST, text);
    if (url instanceof Response) return url;
    let id: string;
    try {
      id = decodeURIComponent(url.pathname.replace(/^\/+/, ''));
    } catch {
      return text(400, 'malformed artifact id');
    }
    const r = await resolve(id);
    if (!r.ok) return text(r.status, r.reason);
    // Open first, then serve from the open descriptor: a file that vanished or was swapped for
    // a symlink since the check is a 404/403, never a crash or a read outside the root.
    const opened = await openResolved(r);
    if (!opened.ok) return text(opened.status, opened.reason);
    const { handle, size } = opened;

    const headers: Record<string, string> = { ...BASE_HEADERS, 'content-type': mediaTypeOf(r.abs), 'accept-ranges': 'bytes' };
    const range = parseRange(request.headers.get('range') ?? undefined, size);
    const head = request.method === 'HEAD';
    if (range === 'unsatisfiable' || head || size === 0) await handle.close().catch(() => {});
    if (range === 'unsatisfiable') return new Response(null, { status: 416, headers: { ...headers, 'content-range': `bytes */${size}` } });
    if (range) {
      const length = range.end - range.start + 1;
      return new Response(head ? null : body(handle, range.start, range.end), {
        status: 206,
        headers: { ...headers, 'content-range': `bytes ${range.start}-${range.end}/${size}`, 'content-length': String(length) },
      });
    }
    return new Response(head || size === 0 ? null : body(handle, 0, size - 1), {
      status: 200,
      headers: { ...headers, 'content-length': String(size) },
    });
  };
}

export function registerArtifactProtocol(protocol: Pick<Protocol, 'handle'>, desk: Desk): void {
  protocol.handle(ARTIFACT_SCHEME, createArtifactRequestHandler((id) => resolveArtifactFile(desk, id)));
}

/** Streams the range from disk: a long video is never read into memory whole. */
function body(handle: FileHandle, start: number, end: number): ReadableStream<Uint8Array> {
  return Readable.toWeb(handle.createReadStream({ start, end, autoClose: true })) as unknown as ReadableStream<Uint8Array>;
}

function text(status: number, message: string): Response {
  return new Response(message + '\n', { status, headers: { ...BASE_HEADERS, 'content-type': 'text/plain; charset=utf-8' } });
}
