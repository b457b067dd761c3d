// `cost_snapshot` as the schema names it (`total_spent_usd`, `total_reserved_usd`,
// `budget_remaining_usd`) and as real files write it (`spent_usd`, `budget_usd`, `paid_calls`,
// `note`), folded into the model's Cost.
import type { Cost } from '../../../../shared/model';

export function normaliseCost(raw: unknown): Cost | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const c = raw as Record<string, unknown>;
  const spentUsd = num(c.total_spent_usd) ?? num(c.spent_usd);
  const reservedUsd = num(c.total_reserved_usd) ?? num(c.reserved_usd);
  let remainingUsd = num(c.budget_remaining_usd) ?? num(c.remaining_usd);
  let budgetUsd = num(c.budget_usd) ?? num(c.total_budget_usd);
  if (remainingUsd === undefined && budgetUsd !== undefined && spentUsd !== undefined) {
    remainingUsd = round(budgetUsd - spentUsd - (reservedUsd ?? 0));
  }
  if (budgetUsd === undefined && remainingUsd !== undefined && spentUsd !== undefined) {
    budgetUsd = round(spentUsd + (reservedUsd ?? 0) + remainingUsd);
  }
  const notes: string[] = [];
  if (typeof c.note === 'string' && c.note.trim()) notes.push(c.note.trim());
  const calls = num(c.paid_calls);
  if (calls !== undefined) notes.push(`${calls} paid call${calls === 1 ? '' : 's'}`);
  const cost: Cost = {};
  if (spentUsd !== undefined) cost.spentUsd = spentUsd;
  if (budgetUsd !== undefined) cost.budgetUsd = budgetUsd;
  if (reservedUsd !== undefined) cost.reservedUsd = reservedUsd;
  if (remainingUsd !== undefined) cost.remainingUsd = remainingUsd;
  if (notes.length) cost.note = notes.join('; ');
  return Object.keys(cost).length ? cost : undefined;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Rounded to a millionth; undefined when the arithmetic left the doubles (1e308 - -1e308). */
function round(n: number): number | undefined {
  if (!Number.isFinite(n)) return undefined;
  const r = Math.round(n * 1e6) / 1e6;
  return Number.isFinite(r) ? r : n;
}
