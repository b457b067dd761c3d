// The aivideo writer against a local server that answers as the real API does (FORMATS.md
// §4.2–4.3): POST /continue with a bearer token, then the export refreshed from the API.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RefusedError } from '../../../../../electron/core/decide/decision-writer';
import { aiVideoWriter, makeAiVideoWriter } from '../../../../../electron/core/decide/writers/aivideo-writer';
import { makeTempDir } from '../../../../helpers/temp-dir';
import { gateContext, indexed } from './decide-kit';

const TOKEN = 'tok-s3cr3t-9f8e7d6c5b4a';
const VIDEO = '3f2b8c1e-7d4a-4e9b-a5c6-1d2e3f4a5b6c';
const PHASE3 = 'cp-8c3f2e74-5d9a-4fa0-9e43-2a7f6e5d4c3b';
const SIBLING = 'cp-9d4a3f85-6e0b-4a1b-8f54-3b8a7f6e5d4c';
const FIXTURE = path.resolve(__dirname, '../../../../fixtures/aivideo/aivideo/chrono-x');

type Json = Record<string, any>;
interface Seen {
  method: string;
  url: string;
  auth?: string;
  contentType?: string;
  body?: unknown;
}

/** The API's state: the fixture tree, changed by /continue as continue_pipeline changes it. */
class FakeApi {
  tree: Json[] = JSON.parse(readFileSync(path.join(FIXTURE, 'checkpoint-tree.json'), 'utf8'));
  status: Json = JSON.parse(readFileSync(path.join(FIXTURE, 'status.json'), 'utf8'));
  seen: Seen[] = [];
  /** Route overrides for failure cases. */
  answer?: (req: Seen) => { status: number; body?: unknown } | 'hang' | undefined;
  server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const seen: Seen = { method: req.method!, url: req.url!, auth: req.headers.authorization, contentType: req.headers['content-type'] };
      try {
        seen.body = raw ? JSON.parse(raw) : undefined;
      } catch {
        seen.body = raw;
      }
      this.seen.push(seen);
      const forced = this.answer?.(seen);
      if (forced === 'hang') return;
      const { status, body } = forced ?? this.route(seen);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body === undefined ? '' : JSON.stringify(body));
    });
  });

  private nodes(): Json[] {
    const out: Json[] = [];
    const walk = (n: Json) => {
      out.push(n);
      n.children.forEach(walk);
    };
    this.tree.forEach(walk);
    return out;
  }

  private route(req: Seen): { status: number; body?: unknown } {
    if (req.auth !== `Bearer ${TOKEN}`) return { status: 401, body: { detail: 'Invalid authentication credentials' } };
    const m = /^\/api\/video\/([^/]+)\/(continue|checkpoint-tree)$/.exec(req.url) ?? /^\/api\/(status)\/([^/]+)$/.exec(req.url);
    if (!m) return { status: 404, body: { detail: 'Not Found' } };
    if (m[1] === 'status') return m[2] === VIDEO ? { status: 200, body: this.status } : { status: 404, body: { detail: 'Video not found' } };
    if (m[1] !== VIDEO) return { status: 404, body: { detail: 'Video not found' } };
    if (m[2] === 'checkpoint-tree') return req.method === 'GET' ? { status: 200, body: this.tree } : { status: 405 };
    if (req.method !== 'POST' || req.contentType !== 'application/json') return { status: 422, body: { detail: [{ msg: 'body required' }] } };
    const id = (req.body as Json | undefined)?.checkpoint_id;
    const node = this.nodes().find((n) => n.checkpoint.id === id);
    if (!node) return { status: 404, body: { detail: 'Checkpoint not found' } };
    const cp = node.checkpoint;
    if (cp.phase_number === 4) return { status: 400, body: { detail: 'Already at final phase' } };
    if (cp.status === 'approved') return { status: 400, body: { detail: 'Checkpoint already approved' } };
    cp.status = 'approved';
    cp.approved_at = '2026-11-21T08:45:29.080594Z';
    const next = { ...cp, id: `cp-next-${cp.phase_number + 1}`, phase_number: cp.phase_number + 1, version: 1, status: 'pending', approved_at: null, parent_checkpoint_id: cp.id, artifacts: [], created_at: '2026-11-21T08:45:30.000000Z' };
    node.children.push({ checkpoint: next, children: [] });
    this.status = { ...this.status, status: `paused_at_phase${next.phase_number}`, current_checkpoint: null };
    return { status: 200, body: { message: 'Pipeline continued', next_phase: next.phase_number, branch_name: cp.branch_name, created_new_branch: false } };
  }
}

let api: FakeApi;
let baseUrl: string;
let tmp: ReturnType<typeof makeTempDir> | undefined;
beforeAll(async () => {
  api = new FakeApi();
  await new Promise<void>((r) => api.server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => api.server.close(() => r())));
afterEach(() => {
  tmp?.cleanup();
  tmp = undefined;
  const fresh = new FakeApi();
  api.tree = fresh.tree;
  api.status = fresh.status;
  api.seen = [];
  api.answer = undefined;
});

/** The chrono-x exports (tree + status) in a temp root, without the fixture's backend config. */
function exportsFolder(files = ['checkpoint-tree.json', 'status.json']) {
  tmp = makeTempDir('greenlight-av-');
  for (const f of files) cpSync(path.join(FIXTURE, f), path.join(tmp.dir, 'aivideo/chrono-x', f));
  return tmp;
}
const onCheckpoint = (id: string) => (r: { family: string; stages: Array<{ gateId?: string; details?: Record<string, unknown> }> }, g: { id: string; title: string; rel?: string }) =>
  r.family === 'aivideo' && (r.stages.some((s) => s.gateId === g.id && s.details?.checkpoint_id === id) || (id === SIBLING && g.title.includes('main-2')));

describe('aivideo writer', () => {
  it('approves with POST /continue and the bearer token, then refreshes the tree export in the same shape', async () => {
    const t = exportsFolder();
    const { ctx, gate } = await gateContext(t.dir, onCheckpoint(PHASE3), { backend: { baseUrl, token: TOKEN } });
    expect(gate.rel).toBe('aivideo/chrono-x/checkpoint-tree.json');
    const preview = await aiVideoWriter.preview(ctx, { gateId: gate.id, decision: 'approve', revision: gate.revision });
    expect(preview).toMatchObject({ allowed: true, writes: [{ action: 'http', target: `${baseUrl}/api/video/${VIDEO}/continue` }, { action: 'rewrite', target: gate.rel }] });
    expect(api.seen).toEqual([]);

    const result = await aiVideoWriter.decide(ctx, { gateId: gate.id, decision: 'approve', revision: gate.revision });
    expect(api.seen[0]).toEqual({ method: 'POST', url: `/api/video/${VIDEO}/continue`, auth: `Bearer ${TOKEN}`, contentType: 'application/json', body: { checkpoint_id: PHASE3 } });
    expect(api.seen[1]).toMatchObject({ method: 'GET', url: `/api/video/${VIDEO}/checkpoint-tree` });
    expect(result.details).toMatchObject({ checkpointId: PHASE3, message: 'Pipeline continued', next_phase: 4, created_new_branch: false });
    expect(result.writes.map((w) => w.action)).toEqual(['http', 'rewrite']);
    expect(JSON.stringify(result)).not.toContain(TOKEN);

    // The export on disk is the API's new tree (a bare array still), so the desk shows the approval.
    const written = JSON.parse(readFileSync(path.join(t.dir, gate.rel!), 'utf8'));
    expect(Array.isArray(written)).toBe(true);
    const { runs } = await indexed(t.dir);
    const g = runs.find((r) => r.family === 'aivideo')!.gates.find((x) => x.id === gate.id)!;
    expect(g).toMatchObject({ status: 'approved', decidedAt: expect.stringMatching(/^2026-11-21T08:45:29/) });
  });

  it('finds a checkpoint that is not on the shown path (a sibling branch) and refreshes a status export from /api/status', async () => {
    const t = exportsFolder();
    const { ctx, gate } = await gateContext(t.dir, onCheckpoint(SIBLING), { backend: { baseUrl, token: TOKEN } });
    await aiVideoWriter.decide(ctx, { gateId: gate.id, decision: 'approve' });
    expect(api.seen[0].body).toEqual({ checkpoint_id: SIBLING });

    const s = exportsFolder(['status.json']);
    const st = await gateContext(s.dir, onCheckpoint(PHASE3), { backend: { baseUrl, token: TOKEN } });
    expect(st.gate.rel).toBe('aivideo/chrono-x/status.json');
    api.seen = [];
    await aiVideoWriter.decide(st.ctx, { gateId: st.gate.id, decision: 'approve' });
    expect(api.seen.map((r) => `${r.method} ${r.url}`)).toEqual([`POST /api/video/${VIDEO}/continue`, `GET /api/status/${VIDEO}`]);
    const written = JSON.parse(readFileSync(path.join(s.dir, st.gate.rel!), 'utf8'));
    expect(written).toMatchObject({ video_id: VIDEO, status: 'paused_at_phase4' });
  });

  it('maps the API refusals: 400 with its detail, 401/403/404, and never shows the token', async () => {
    const t = exportsFolder();
    const { ctx, gate } = await gateContext(t.dir, onCheckpoint(PHASE3), { backend: { baseUrl, token: TOKEN } });
    const attempt = () => aiVideoWriter.decide(ctx, { gateId: gate.id, decision: 'approve' }).then(() => undefined, (e: Error) => e);

    // Approved behind our back: the API says so.
    api.tree[0].children[0].children[0].checkpoint.status = 'approved';
    let err = await attempt();
    expect(err).toBeInstanceOf(RefusedError);
    expect(err!.message).toBe('aivideo refused: Checkpoint already approved');
    api.tree = new FakeApi().tree;

    const bad = await gateContext(t.dir, onCheckpoint(PHASE3), { backend: { baseUrl, token: 'wrong-token' } });
    err = await aiVideoWriter.decide(bad.ctx, { gateId: gate.id, decision: 'approve' }).then(() => undefined, (e: Error) => e);
    expect(err).toBeInstanceOf(RefusedError);
    expect(err!.message).toMatch(/refused the token \(401/);
    expect(err!.message).not.toContain('wrong-token');

    for (const status of [403, 404]) {
      api.answer = () => ({ status, body: { detail: status === 403 ? 'Not your video' : 'Video not found' } });
      err = await attempt();
      expect(err).toBeInstanceOf(RefusedError);
      expect(err!.message).toContain(String(status));
    }
    // A server that echoes the token back must not get it into a message.
    api.answer = (req) => ({ status: 400, body: { detail: `bad header ${req.auth}` } });
    err = await attempt();
    expect(err!.message).toMatch(/^aivideo refused: bad header Bearer \[token\]$/);
    api.answer = (req) => ({ status: 500, body: { detail: `crash with ${req.auth}` } });
    err = await attempt();
    expect(err).not.toBeInstanceOf(RefusedError);
    expect(err!.message).toContain('500');
    for (const e of [err!.message, err!.stack ?? '']) expect(e).not.toContain(TOKEN);
    // The export was not touched by any failed attempt.
    expect(readFileSync(path.join(t.dir, gate.rel!), 'utf8')).toBe(readFileSync(path.join(FIXTURE, 'checkpoint-tree.json'), 'utf8'));
  });

  it('a network failure or a timeout is an error that names the server, not the token', async () => {
    const t = exportsFolder();
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((r) => closed.close(() => r()));
    const dead = await gateContext(t.dir, onCheckpoint(PHASE3), { backend: { baseUrl: deadUrl, token: TOKEN } });
    let err = await aiVideoWriter.decide(dead.ctx, { gateId: dead.gate.id, decision: 'approve' }).then(() => undefined, (e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(RefusedError);
    expect(err!.message).toMatch(/could not reach the aivideo API at http:\/\/127\.0\.0\.1:\d+/);
    expect(err!.message).not.toContain(TOKEN);

    api.answer = () => 'hang';
    const quick = makeAiVideoWriter({ timeoutMs: 200 });
    const live = await gateContext(t.dir, onCheckpoint(PHASE3), { backend: { baseUrl, token: TOKEN } });
    err = await quick.decide(live.ctx, { gateId: live.gate.id, decision: 'approve' }).then(() => undefined, (e: Error) => e);
    expect(err!.message).toMatch(/no answer within/);
    expect(err!.message).not.toContain(TOKEN);
  });

  it('the approval stands even when the refresh fails; the export is left alone', async () => {
    const t = exportsFolder();
    const { ctx, gate } = await gateContext(t.dir, onCheckpoint(PHASE3), { backend: { baseUrl, token: TOKEN } });
    api.answer = (req) => (req.method === 'GET' ? { status: 503, body: { detail: 'busy' } } : undefined);
    const result = await aiVideoWriter.decide(ctx, { gateId: gate.id, decision: 'approve' });
    expect(result.writes.map((w) => w.action)).toEqual(['http']);
    expect(result.details).toMatchObject({ refreshError: expect.stringContaining('503') });
    expect(readFileSync(path.join(t.dir, gate.rel!), 'utf8')).toBe(readFileSync(path.join(FIXTURE, 'checkpoint-tree.json'), 'utf8'));
  });

  it('without a backend the preview says so; a backend named by aivideo.config.json is used with its token variable', async () => {
    const t = exportsFolder();
    const { ctx, gate } = await gateContext(t.dir, onCheckpoint(PHASE3));
    const p = await aiVideoWriter.preview(ctx, { gateId: gate.id, decision: 'approve' });
    expect(p).toMatchObject({ allowed: false, reason: expect.stringMatching(/No aivideo backend is configured/), writes: [] });
    await expect(aiVideoWriter.decide(ctx, { gateId: gate.id, decision: 'approve' })).rejects.toBeInstanceOf(RefusedError);
    expect(api.seen).toEqual([]);

    writeFileSync(path.join(t.dir, 'aivideo/chrono-x/aivideo.config.json'), JSON.stringify({ baseUrl, tokenEnv: 'GREENLIGHT_TEST_AIVIDEO_TOKEN' }));
    process.env.GREENLIGHT_TEST_AIVIDEO_TOKEN = TOKEN;
    try {
      const configured = await gateContext(t.dir, onCheckpoint(PHASE3));
      await aiVideoWriter.decide(configured.ctx, { gateId: configured.gate.id, decision: 'approve' });
      expect(api.seen[0]).toMatchObject({ auth: `Bearer ${TOKEN}`, body: { checkpoint_id: PHASE3 } });
    } finally {
      delete process.env.GREENLIGHT_TEST_AIVIDEO_TOKEN;
    }
  });

  it('offers no reject: the API has none', async () => {
    const t = exportsFolder();
    const { ctx, gate } = await gateContext(t.dir, onCheckpoint(PHASE3), { backend: { baseUrl, token: TOKEN } });
    expect(gate.decisions).not.toContain('reject');
    const p = await aiVideoWriter.preview(ctx, { gateId: gate.id, decision: 'reject' });
    expect(p).toMatchObject({ allowed: false, reason: expect.stringMatching(/no reject/) });
    await expect(aiVideoWriter.decide(ctx, { gateId: gate.id, decision: 'reject' })).rejects.toBeInstanceOf(RefusedError);
    expect(api.seen).toEqual([]);
  });
});
