// An OpenMontage agent's heartbeat: an in-progress checkpoint rewritten the way lib/checkpoint.py
// writes it (checkpoint_<stage>.json.tmp, then rename over the file), timed from the rename to
// the index event naming that file arriving at a client of the live stream. Writes go one at a
// time so each is measured on its own, not coalesced with the previous one.
import fs from 'node:fs';
import path from 'node:path';
import { percentile } from './http-client.mjs';

export async function measureLiveLatency({ client, workspace, targets, writes = 200, gapMs = 40, timeoutMs = 5000 }) {
  if (!targets.length) return { error: 'no in-progress checkpoints to rewrite' };
  let waiting;
  const stream = await client.events((e, at) => {
    if (e.type !== 'index' || !waiting) return;
    if (e.changedFiles.some((f) => f.rel === waiting.rel)) {
      const w = waiting;
      waiting = undefined;
      w.resolve(at);
    }
  });
  const latencies = [];
  let lost = 0;
  try {
    for (let i = 0; i < writes; i++) {
      const rel = targets[i % targets.length];
      const abs = path.join(workspace, ...rel.split('/'));
      const doc = JSON.parse(fs.readFileSync(abs, 'utf8'));
      doc.timestamp = new Date().toISOString().replace('Z', '000+00:00');
      doc.metadata = { ...(doc.metadata ?? {}), partial_progress: { ...(doc.metadata?.partial_progress ?? {}), heartbeat: i } };
      fs.writeFileSync(`${abs}.tmp`, JSON.stringify(doc, null, 2));
      const arrived = new Promise((resolve) => (waiting = { rel, resolve }));
      const t0 = performance.now();
      fs.renameSync(`${abs}.tmp`, abs);
      const timer = new Promise((resolve) => setTimeout(() => resolve(null), timeoutMs));
      const at = await Promise.race([arrived, timer]);
      if (at === null) {
        lost++;
        waiting = undefined;
      } else latencies.push(at - t0);
      await new Promise((r) => setTimeout(r, gapMs));
    }
  } finally {
    stream.close();
  }
  return { writes, lost, p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: Math.max(...latencies), samples: latencies.length };
}
