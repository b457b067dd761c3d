// Greenlight's own decision sidecars (shared/decision-sidecar.ts), for the few old gates a person
// already decided: a fresh desk shows decided gates with who, when and why, not only waiting ones.
// Written exactly as electron/core/decide/writers/sidecar-writer.ts writes them.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { out } from './session.mjs';

export function writeDecision({ rel, targetRel, gate, decision, note, by, at }) {
  const sha256 = crypto.createHash('sha256').update(fs.readFileSync(out.abs(targetRel))).digest('hex');
  const sidecar = {
    greenlight: 'greenlight.decision/1',
    gate,
    decision,
    ...(note !== undefined ? { note } : {}),
    decidedBy: by,
    decidedAt: new Date(at).toISOString(),
    target: { rel: targetRel, sha256 },
  };
  out.put(rel, `${JSON.stringify(sidecar, null, 2)}\n`, at);
}
