// Greenlight's own gate protocol, for any pipeline that is not one of the five families:
// the pipeline writes `<name>.gate.json` and waits; Greenlight writes `<name>.decision.json`.
// Documented in docs/gate-protocol.md.
import { z } from 'zod';

export const gateArtifactRefSchema = z.union([
  z.string(),
  z.object({ name: z.string().optional(), path: z.string(), kind: z.string().optional() }),
]);

export const gateFileSchema = z.object({
  question: z.string().min(1),
  options: z.array(z.string().min(1)).min(1).optional(),
  context: z.unknown().optional(),
  artifacts: z.array(gateArtifactRefSchema).optional(),
  requested_at: z.string().min(1),
  /** Seconds after requested_at when `default` applies (or the wait times out). */
  timeout: z.number().positive().optional(),
  default: z.string().optional(),
  title: z.string().optional(),
  pipeline: z.string().optional(),
});
export type GateFile = z.infer<typeof gateFileSchema>;

export const decisionFileSchema = z.object({
  decision: z.string().min(1),
  approved: z.boolean(),
  note: z.string().optional(),
  decided_by: z.string(),
  decided_at: z.string(),
  /** sha256 of the gate file the person decided on. */
  gate_sha256: z.string().optional(),
  auto: z.boolean().optional(),
});
export type DecisionFile = z.infer<typeof decisionFileSchema>;

export const GATE_SUFFIX = '.gate.json';
export const DECISION_SUFFIX = '.decision.json';
