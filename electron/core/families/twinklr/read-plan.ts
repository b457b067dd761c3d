// A ChoreographyPlan (bare in `<project>_raw.json`, under `/plan` elsewhere) reduced to what
// lists show: the section count and the strategy line. Rule violations become problems; the
// summary is taken from whatever is readable.
import { twChoreographyPlanSchema } from '../../../../shared/schemas/twinklr';
import type { ProblemDraft } from '../family-adapter';
import { check } from '../../validate/zod-problems';
import type { TwPlanSummary } from './records';
import { isObject, oneLine, str } from './text';

export function readPlan(data: unknown, base: string): { plan: TwPlanSummary; problems: ProblemDraft[] } {
  if (!isObject(data)) {
    return {
      plan: {},
      problems: [{ severity: 'error', field: base, code: 'tw.plan_not_object', message: 'the plan must be a JSON object with a "sections" list' }],
    };
  }
  const { problems } = check(twChoreographyPlanSchema, data, { base });
  const sections = Array.isArray(data.sections) ? data.sections.length : undefined;
  const strategy = str(data.overall_strategy);
  return { plan: { sections, strategy: strategy ? oneLine(strategy) : undefined }, problems };
}

export function planSummaryText(plan: TwPlanSummary): string | undefined {
  const parts: string[] = [];
  if (plan.sections !== undefined) parts.push(`${plan.sections} section${plan.sections === 1 ? '' : 's'}`);
  if (plan.strategy) parts.push(plan.strategy);
  return parts.length ? parts.join(' — ') : undefined;
}
