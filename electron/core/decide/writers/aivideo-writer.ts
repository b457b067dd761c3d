// aivideo keeps its checkpoints in a database behind a REST API (FORMATS.md §4.3), so approving
// is `POST /api/video/{id}/continue {"checkpoint_id"}` with the folder's bearer token. The export
// the gate was shown from is then fetched again and rewritten in the same shape, so the desk
// shows the new state without anyone exporting by hand. There is no reject in the API.
//
// The token is sent only in the Authorization header: it never appears in a message, an error,
// the audit log or the planned writes (messages are scrubbed of it in case a server echoes it).
import path from 'node:path';
import type { DecideRequest, PlannedWrite } from '../../../../shared/decisions';
import { atomicWrite } from '../atomic-write';
import { RefusedError, type DecisionContext, type DecisionWriter, type WriteResult } from '../decision-writer';
import { exportShape, findCheckpoint, refreshPath, type AiVideoTarget, type ExportShape } from './aivideo-target';
import { previewOf, readGateFile, type TargetFile } from './target-file';

export const AIVIDEO_TIMEOUT_MS = 15_000;

const NO_REJECT = 'aivideo has no reject: its API can only continue (approve) or edit a checkpoint';

export interface AiVideoWriterOptions {
  timeoutMs?: number;
  fetch?: typeof fetch;
}

interface Backend {
  baseUrl: string;
  token?: string;
}

interface AvPlan {
  backend: Backend;
  target: TargetFile;
  cp: AiVideoTarget;
  shape: ExportShape;
  continueUrl: string;
  writes: PlannedWrite[];
}

export function makeAiVideoWriter(opts: AiVideoWriterOptions = {}): DecisionWriter {
  const timeoutMs = opts.timeoutMs ?? AIVIDEO_TIMEOUT_MS;
  const doFetch = opts.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));

  async function call(backend: Backend, method: 'GET' | 'POST', url: string, body?: unknown): Promise<{ status: number; data: unknown }> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (backend.token) headers.authorization = `Bearer ${backend.token}`;
    let res: Response;
    try {
      res = await doFetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      const why = e.name === 'TimeoutError' || e.name === 'AbortError' ? `no answer within ${Math.round(timeoutMs / 1000)} s` : (e.cause?.code ?? e.cause?.message ?? e.message);
      throw new Error(scrub(`could not reach the aivideo API at ${originOf(url)}: ${why}`, backend.token));
    }
    const text = await res.text().catch(() => '');
    let data: unknown = undefined;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      data = text;
    }
    return { status: res.status, data };
  }

  async function plan(ctx: DecisionContext, req: DecideRequest): Promise<AvPlan> {
    if (ctx.run.family !== 'aivideo') throw new RefusedError('not an aivideo run');
    if (req.decision !== 'approve') throw new RefusedError(NO_REJECT);
    const backend = backendOf(ctx);
    if (!backend) {
      throw new RefusedError(
        'No aivideo backend is configured for this folder: add .greenlight/aivideo.json ({"baseUrl": "https://…"}) or aivideo.config.json beside the exports, and put the token in the environment variable it names',
      );
    }
    if (!/^https?:\/\//i.test(backend.baseUrl)) throw new RefusedError('the aivideo backend URL must start with http:// or https://');
    const target = await readGateFile(ctx, req.revision);
    let data: unknown;
    try {
      data = JSON.parse(target.bytes.toString('utf8').replace(/^\ufeff/, ''));
    } catch {
      throw new RefusedError(`${path.posix.basename(target.rel)} is not valid JSON any more`);
    }
    const cp = findCheckpoint(ctx, data);
    if (!cp) throw new RefusedError(`cannot tell which checkpoint this gate stands for from ${path.posix.basename(target.rel)} (no checkpoint id of the form cp-… for it)`);
    if (cp.status === 'approved') throw new RefusedError(`already decided: checkpoint ${cp.checkpointId} is approved in ${path.posix.basename(target.rel)}`);
    const shape = exportShape(data);
    const base = backend.baseUrl.replace(/\/+$/, '');
    const continueUrl = `${base}/api/video/${encodeURIComponent(cp.videoId)}/continue`;
    const refresh = refreshPath(shape, cp.videoId);
    const writes: PlannedWrite[] = [
      {
        target: displayUrl(continueUrl),
        action: 'http',
        description: `POST {"checkpoint_id": "${cp.checkpointId}"}${backend.token ? ' with the bearer token' : ' without a token (none is set in the environment)'}: aivideo approves the checkpoint and starts the next phase`,
      },
    ];
    if (refresh) writes.push({ target: target.rel, action: 'rewrite', description: `refreshed from GET ${refresh}, same shape, so the desk shows the new state` });
    return { backend, target, cp, shape, continueUrl, writes };
  }

  return {
    async preview(ctx, req) {
      return previewOf(async () => (await plan(ctx, req)).writes);
    },

    async decide(ctx, req): Promise<WriteResult> {
      const p = await plan(ctx, req);
      const token = p.backend.token;
      const res = await call(p.backend, 'POST', p.continueUrl, { checkpoint_id: p.cp.checkpointId });
      const detail = scrub(detailOf(res.data), token);
      if (res.status === 400) throw new RefusedError(`aivideo refused: ${detail || 'bad request'}`);
      if (res.status === 401 || res.status === 403) throw new RefusedError(`aivideo refused the token (${res.status}${detail ? `: ${detail}` : ''}); check the token in the environment`);
      if (res.status === 404) throw new RefusedError(`aivideo does not know this video or checkpoint, or it belongs to someone else (404${detail ? `: ${detail}` : ''})`);
      if (res.status < 200 || res.status >= 300) throw new Error(`the aivideo API answered ${res.status}${detail ? `: ${detail}` : ''}`);

      const answer = (res.data && typeof res.data === 'object' ? res.data : {}) as Record<string, unknown>;
      const details: Record<string, unknown> = {
        videoId: p.cp.videoId,
        checkpointId: p.cp.checkpointId,
        ...pick(answer, ['message', 'next_phase', 'branch_name', 'created_new_branch']),
      };
      const writes: PlannedWrite[] = [p.writes[0]];
      // The approval has happened on the server: from here on nothing may fail the decision.
      const refreshed = await refreshExport(p).catch((err: Error) => ({ error: scrub(err.message, token) }));
      if ('after' in refreshed) {
        writes.push(p.writes[1]);
        return { writes, file: p.target.rel, before: p.target.sha256, after: refreshed.after, details };
      }
      return { writes, file: p.target.rel, before: p.target.sha256, after: p.target.sha256, details: { ...details, refreshError: refreshed.error } };
    },
  };

  async function refreshExport(p: AvPlan): Promise<{ after: string } | { error: string }> {
    const rel = refreshPath(p.shape, p.cp.videoId);
    if (!rel) return { error: `${path.posix.basename(p.target.rel)} has a shape that no single endpoint returns; export it again to see the new state` };
    const res = await call(p.backend, 'GET', `${p.backend.baseUrl.replace(/\/+$/, '')}${rel}`);
    if (res.status < 200 || res.status >= 300) return { error: `GET ${rel} answered ${res.status}` };
    const wantArray = p.shape.kind !== 'status';
    const body = p.shape.kind !== 'status' && p.shape.kind !== 'other' && p.shape.wrapKey ? unwrap(res.data, p.shape.wrapKey) : res.data;
    if (wantArray ? !Array.isArray(body) : !(body && typeof body === 'object' && !Array.isArray(body))) return { error: `GET ${rel} did not answer with the expected JSON` };
    const out = p.shape.kind !== 'status' && p.shape.kind !== 'other' && p.shape.wrapKey ? { [p.shape.wrapKey]: body } : body;
    const trailing = p.target.bytes.toString('utf8').endsWith('\n') ? '\n' : '';
    // Only over the export the person saw: a newer export written meanwhile is left alone.
    const after = await atomicWrite(p.target.abs, JSON.stringify(out, null, 2) + trailing, { expectSha256: p.target.sha256 });
    return { after };
  }
}

export const aiVideoWriter: DecisionWriter = makeAiVideoWriter();

/** The backend the orchestrator found, else the one named by the export folder's aivideo.config.json. */
function backendOf(ctx: DecisionContext): Backend | undefined {
  if (ctx.backend?.baseUrl) return ctx.backend;
  const baseUrl = ctx.run.meta.api_base_url;
  const tokenEnv = ctx.run.meta.api_token_env;
  if (typeof baseUrl !== 'string' || !baseUrl) return undefined;
  return { baseUrl, token: typeof tokenEnv === 'string' && tokenEnv ? process.env[tokenEnv] : undefined };
}

function unwrap(data: unknown, key: string): unknown {
  // The code answers with bare arrays; the documented wrapped shape is accepted too.
  if (data && typeof data === 'object' && !Array.isArray(data) && key in data) return (data as Record<string, unknown>)[key];
  return data;
}

/** FastAPI's `{"detail": "…"}` (or a validation list), cut short. */
function detailOf(data: unknown): string {
  let d: unknown = data;
  if (data && typeof data === 'object' && !Array.isArray(data) && 'detail' in data) d = (data as Record<string, unknown>).detail;
  const s = typeof d === 'string' ? d : d === undefined ? '' : JSON.stringify(d);
  return s.length > 300 ? s.slice(0, 299) + '…' : s;
}

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (o[k] !== undefined && (typeof o[k] !== 'object' || o[k] === null)) out[k] = o[k];
  return out;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'the configured URL';
  }
}

/** A URL for display: no user:password part, no query. */
function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url;
  }
}

/** Never the token, and never a password written into the base URL. */
function scrub(message: string, token: string | undefined): string {
  const out = message.replace(/\/\/[^/@\s]+@/g, '//');
  return token ? out.split(token).join('[token]') : out;
}
