// `greenlight wait <name>.gate.json [--timeout S]`: the pipeline side of the gate protocol
// (docs/gate-protocol.md). Blocks until Greenlight (or anyone) writes `<name>.decision.json`
// beside the gate, prints the decision JSON on stdout and exits 0 when approved, 1 when not,
// 3 on timeout (printing the gate's default, if it has one), 2 on bad usage. The folder is
// polled every 200 ms; fs.watch only makes the answer arrive sooner where it works.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { DECISION_SUFFIX, GATE_SUFFIX, decisionFileSchema, gateFileSchema, type DecisionFile } from '../../shared/schemas/gate-protocol';
import { parseArgs, UsageError } from './parse-args';

export const WAIT_USAGE = 'usage: greenlight wait <name>.gate.json [--timeout SECONDS]';

export const WAIT_EXIT = { approved: 0, rejected: 1, usage: 2, timedOut: 3 } as const;

export interface WaitOptions {
  pollMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

export async function waitCommand(argv: string[], out: (s: string) => void, err: (s: string) => void, opts: WaitOptions = {}): Promise<number> {
  const now = opts.now ?? Date.now;
  const started = now();
  let gatePath: string;
  let timeoutAt: number | undefined;
  let fallback: string | undefined;
  let requestedAt: string | undefined;
  let gateSha256 = '';
  try {
    const { positionals, flags } = parseArgs(argv, { timeout: 'value', help: 'bool' });
    if (flags.help) {
      out(WAIT_USAGE);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(positionals.length ? 'wait takes one gate file' : 'wait needs a gate file');
    gatePath = path.resolve(positionals[0]);
    if (!gatePath.endsWith(GATE_SUFFIX)) throw new UsageError(`not a gate file (the name must end in ${GATE_SUFFIX}): ${positionals[0]}`);
    if (!existsSync(gatePath) || !statSync(gatePath).isFile()) throw new UsageError(`no such gate file: ${positionals[0]}`);
    let data: unknown;
    try {
      const bytes = readFileSync(gatePath);
      gateSha256 = createHash('sha256').update(bytes).digest('hex');
      data = JSON.parse(bytes.toString('utf8').replace(/^\ufeff/, ''));
    } catch (e) {
      throw new UsageError(`${positionals[0]} is not valid JSON: ${(e as Error).message}`);
    }
    const gate = gateFileSchema.safeParse(data);
    if (!gate.success) {
      const first = gate.error.issues[0];
      throw new UsageError(`${positionals[0]} is not a valid gate file: ${first.path.join('.') || '(file)'}: ${first.message}`);
    }
    fallback = gate.data.default;
    requestedAt = gate.data.requested_at;
    if (flags.timeout !== undefined) {
      const s = Number(flags.timeout);
      if (flags.timeout === true || !Number.isFinite(s) || s < 0) throw new UsageError(`--timeout needs a number of seconds, not "${String(flags.timeout)}"`);
      timeoutAt = started + s * 1000;
    } else if (gate.data.timeout !== undefined) {
      // The gate's own timeout counts from when it was requested, as the desk shows it.
      const since = Date.parse(gate.data.requested_at);
      timeoutAt = (Number.isNaN(since) ? started : since) + gate.data.timeout * 1000;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err(`greenlight wait: ${e.message}`);
      err(WAIT_USAGE);
      return WAIT_EXIT.usage;
    }
    throw e;
  }

  const decisionPath = gatePath.slice(0, -GATE_SUFFIX.length) + DECISION_SUFFIX;
  const decision = await waitForDecision(decisionPath, timeoutAt, { pollMs: opts.pollMs ?? 200, now, warn: err, gateSha256 });
  if (decision) {
    out(JSON.stringify(decision));
    return decision.approved ? WAIT_EXIT.approved : WAIT_EXIT.rejected;
  }
  const waited = Math.round((now() - started) / 1000);
  out(JSON.stringify({ timed_out: true, ...(fallback !== undefined ? { default: fallback } : {}), requested_at: requestedAt }));
  err(`greenlight wait: timed out after ${waited} s without a decision in ${path.basename(decisionPath)}${fallback !== undefined ? `; the gate's default applies: ${fallback}` : ''}`);
  return WAIT_EXIT.timedOut;
}

/** The decision once it exists and parses; undefined when `timeoutAt` passes first. */
export function waitForDecision(
  decisionPath: string,
  timeoutAt: number | undefined,
  opts: { pollMs: number; now: () => number; warn: (s: string) => void; gateSha256?: string },
): Promise<DecisionFile | undefined> {
  return new Promise((resolve) => {
    let done = false;
    let warned = false;
    let watcher: FSWatcher | undefined;
    let poll: NodeJS.Timeout | undefined;
    let deadline: NodeJS.Timeout | undefined;
    const finish = (d: DecisionFile | undefined) => {
      if (done) return;
      done = true;
      watcher?.close();
      clearInterval(poll);
      clearTimeout(deadline);
      resolve(d);
    };
    const check = () => {
      if (done) return;
      const d = readDecision(decisionPath, opts.gateSha256);
      if (d.status === 'ok') return finish(d.decision);
      if (d.status === 'invalid' && !warned) {
        // Complete JSON that is not a decision: say so once and keep waiting for a good one.
        warned = true;
        opts.warn(`greenlight wait: ${path.basename(decisionPath)} is not a valid decision (${d.reason}); still waiting`);
      }
      if (timeoutAt !== undefined && opts.now() >= timeoutAt) finish(undefined);
    };
    try {
      watcher = watch(path.dirname(decisionPath), (_event, name) => {
        if (!name || String(name) === path.basename(decisionPath)) check();
      });
      watcher.on('error', () => watcher?.close());
    } catch {
      watcher = undefined; // polling alone still works (network folders, exhausted watches)
    }
    poll = setInterval(check, opts.pollMs);
    // Polling notices the deadline too; this only makes it exact (and stays under setTimeout's 24.8-day cap).
    if (timeoutAt !== undefined) deadline = setTimeout(check, Math.min(2 ** 31 - 1, Math.max(0, timeoutAt - opts.now())));
    check();
  });
}

type ReadOutcome = { status: 'ok'; decision: DecisionFile } | { status: 'absent' } | { status: 'partial' } | { status: 'invalid'; reason: string };

function readDecision(file: string, gateSha256: string | undefined): ReadOutcome {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { status: 'absent' };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    // A writer that does not write atomically is still busy: read again on the next tick.
    return { status: 'partial' };
  }
  const r = decisionFileSchema.safeParse(data);
  if (!r.success) {
    const first = r.error.issues[0];
    return { status: 'invalid', reason: `${first.path.join('.') || '(file)'}: ${first.message}` };
  }
  // Left over from an earlier question under the same name: not an answer to this one.
  if (gateSha256 && r.data.gate_sha256 && r.data.gate_sha256 !== gateSha256) return { status: 'invalid', reason: 'it answers another version of the gate file (gate_sha256 differs)' };
  return { status: 'ok', decision: r.data };
}
