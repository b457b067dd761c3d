// The model's plain constants, without zod: the renderer's first screen needs the family names
// and statuses but not the schemas, and importing shared/model.ts would pull all of zod into
// the code that runs before the inbox can show (shared/model.ts re-exports these unchanged).
export const FAMILIES = ['openmontage', 'twinklr', 'omniclaude', 'aivideo', 'cinecut', 'gate'] as const;
export type Family = (typeof FAMILIES)[number];

export const FAMILY_LABELS: Record<Family, string> = {
  openmontage: 'OpenMontage',
  twinklr: 'Twinklr',
  omniclaude: 'OmniClaude',
  aivideo: 'aivideo',
  cinecut: 'CineCut',
  gate: 'Gate protocol',
};

export const RUN_STATUSES = ['running', 'waiting', 'completed', 'failed', 'stale', 'incomplete', 'unknown'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const DECISION_KINDS = ['approve', 'reject', 'edit', 'branch'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
