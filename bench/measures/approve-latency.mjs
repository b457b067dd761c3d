// Approving waiting OpenMontage gates through the HTTP API, as the renderer's Approve button
// does: the time from sending `decide` to its answer, by which the checkpoint has been archived,
// rewritten to a temp file, fsynced and renamed into place (checked on disk afterwards).
import fs from 'node:fs';
import path from 'node:path';
import { percentile } from './http-client.mjs';

export async function pickGates(client, count) {
  const snap = await client.call('getSnapshot');
  return snap.gates
    .filter((g) => g.family === 'openmontage' && g.status === 'waiting' && g.decisions.includes('approve') && g.rel)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .slice(0, count);
}

export async function measureApprove({ client, workspace, gates }) {
  const latencies = [];
  const failures = [];
  for (const g of gates) {
    const t0 = performance.now();
    let outcome;
    try {
      outcome = await client.call('decide', [{ gateId: g.id, decision: 'approve', revision: g.revision }]);
    } catch (err) {
      failures.push(`${g.rel}: ${err.message}`);
      continue;
    }
    const ms = performance.now() - t0;
    if (outcome.status !== 'written') {
      failures.push(`${g.rel}: ${outcome.status}: ${outcome.message}`);
      continue;
    }
    const doc = JSON.parse(fs.readFileSync(path.join(workspace, ...g.rel.split('/')), 'utf8'));
    if (doc.human_approved !== true) failures.push(`${g.rel}: written but human_approved is not true on disk`);
    latencies.push(ms);
  }
  return { gates: gates.length, approved: latencies.length, failures: failures.slice(0, 5), failed: failures.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: Math.max(...latencies) };
}
