// OpenMontage's `review` block is free-form: real files hold `{scores:{…}, summary}`,
// `{summary, self_eval:{…}}`, `{decision, critical, suggestions, …}` or review.schema.json's
// `{findings:[…]}` (FORMATS.md §1.2, §1.7). This folds all of them into the model's Review.
//
// Score scale rule (no file states its scale): take the largest score seen, and pick the
// smallest of the scales 1, 5, 10, 100 that contains it; an explicit numeric `scale`/`max_score`
// wins. So the real 4s and 5s read as 0–5, 0.82 as 0–1, 7.5 as 0–10 and 85 as 0–100. The
// overall score is the mean (or an explicit `score`/`overall_score`) divided by the scale × 10.
// Known blind spot: scores that are all 0 or 1 on a larger scale read as 0–1.
import type { Review, ReviewIssue } from '../../../../shared/model';

const SCALES = [1, 5, 10, 100];
const SCORE_MAPS = ['scores', 'self_eval'];
const SINGLE_SCORE_KEYS = ['score', 'overall_score', 'overall'];
const RESERVED = new Set([
  ...SCORE_MAPS,
  ...SINGLE_SCORE_KEYS,
  'scale',
  'max_score',
  'decision',
  'verdict',
  'summary',
  'findings',
  'issues',
  'strengths',
  'feedback',
  'version',
  'stage',
]);
const MAX_ISSUES = 200;

export function inferScale(values: number[]): number | undefined {
  if (!values.length) return undefined;
  const max = Math.max(...values.map(Math.abs));
  return SCALES.find((s) => max <= s);
}

export function normaliseReview(raw: unknown): Review | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  const scores: Review['scores'] = [];
  for (const key of SCORE_MAPS) collectScores(r[key], scores);

  const explicitScale = num(r.scale) ?? num(r.max_score);
  const single = SINGLE_SCORE_KEYS.map((k) => num(r[k])).find((v) => v !== undefined);
  const values = [...scores.map((s) => s.score), ...(single !== undefined ? [single] : [])];
  const scale = explicitScale && explicitScale > 0 ? explicitScale : inferScale(values);
  for (const s of scores) if (scale !== undefined) s.max = scale;

  const rawScore = single ?? (scores.length ? round(scores.reduce((a, s) => a + s.score, 0) / scores.length) : undefined);
  const score = rawScore !== undefined && scale ? round((rawScore / scale) * 10) : undefined;

  const counts = scalarFacts(r);
  const summaryText = typeof r.summary === 'string' ? r.summary : undefined;
  const summaryFacts = r.summary && typeof r.summary === 'object' && !Array.isArray(r.summary) ? scalarFacts(r.summary as Record<string, unknown>, new Set()) : '';

  const review: Review = {
    source: 'reviewer',
    score,
    rawScore,
    scale: score !== undefined ? scale : undefined,
    decision: str(r.decision) ?? str(r.verdict),
    summary: summaryText ?? (summaryFacts || counts || undefined),
    strengths: Array.isArray(r.strengths) ? r.strengths.filter((s): s is string => typeof s === 'string') : [],
    issues: collectIssues(Array.isArray(r.findings) ? r.findings : Array.isArray(r.issues) ? r.issues : []),
    feedback: str(r.feedback) ?? leftover(summaryText, summaryFacts, counts),
    scores,
  };
  return review;
}

/** The scalar facts that did not become the summary, for the feedback line. */
function leftover(summaryText: string | undefined, summaryFacts: string, counts: string): string | undefined {
  const rest = summaryText ? [summaryFacts, counts] : summaryFacts ? [counts] : [];
  return rest.filter(Boolean).join(' · ') || undefined;
}

function collectScores(value: unknown, out: Review['scores']) {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (!item || typeof item !== 'object') continue;
      const o = item as Record<string, unknown>;
      const score = num(o.score) ?? num(o.value);
      const name = str(o.name) ?? str(o.criterion) ?? str(o.id);
      if (score !== undefined && name) out.push({ name, score });
    }
    return;
  }
  if (!value || typeof value !== 'object') return;
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    const score = num(v) ?? (v && typeof v === 'object' ? num((v as Record<string, unknown>).score) : undefined);
    if (score !== undefined) out.push({ name, score });
  }
}

function collectIssues(items: unknown[]): ReviewIssue[] {
  const out: ReviewIssue[] = [];
  for (const item of items.slice(0, MAX_ISSUES)) {
    if (typeof item === 'string') {
      out.push({ severity: 'note', text: item });
      continue;
    }
    if (!item || typeof item !== 'object') continue;
    const f = item as Record<string, unknown>;
    const title = str(f.title);
    const body = str(f.description) ?? str(f.issue) ?? str(f.text) ?? str(f.message);
    const text = title && body ? `${title}: ${body}` : (title ?? body ?? JSON.stringify(f).slice(0, 200));
    out.push({
      severity: str(f.severity) ?? 'note',
      text,
      location: str(f.location) ?? str(f.section) ?? str(f.scene_id),
      suggestion: str(f.proposed_change) ?? str(f.suggestion) ?? str(f.fix) ?? str(f.recommendation),
      disposition: str(f.disposition) ?? str(f.status),
    });
  }
  return out;
}

/** `critical: 0 · suggestions: 1 · success criteria met: 4/4` from scalar fields. */
function scalarFacts(r: Record<string, unknown>, skip: Set<string> = RESERVED): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(r)) {
    if (skip.has(k)) continue;
    if (typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && v.length <= 60)) {
      parts.push(`${k.replace(/_/g, ' ')}: ${String(v)}`);
    }
  }
  return parts.join(' · ');
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v : undefined;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
