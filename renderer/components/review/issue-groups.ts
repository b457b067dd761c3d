import type { ReviewIssue } from '../../../shared/model';

/** Most to least severe; severities outside the list follow in order of first appearance. */
export const SEVERITY_ORDER = ['critical', 'major', 'moderate', 'minor', 'suggestion', 'nitpick'] as const;

export interface IssueGroup {
  severity: string;
  issues: ReviewIssue[];
}

export function groupIssues(issues: readonly ReviewIssue[]): IssueGroup[] {
  const groups = new Map<string, ReviewIssue[]>();
  for (const issue of issues) {
    const key = (issue.severity || 'unspecified').trim().toLowerCase() || 'unspecified';
    const list = groups.get(key);
    if (list) list.push(issue);
    else groups.set(key, [issue]);
  }
  const known = SEVERITY_ORDER.filter((s) => groups.has(s)).map((s) => ({ severity: s, issues: groups.get(s)! }));
  const rest = [...groups.entries()]
    .filter(([s]) => !(SEVERITY_ORDER as readonly string[]).includes(s))
    .map(([severity, list]) => ({ severity, issues: list }));
  return [...known, ...rest];
}

export function severityTone(severity: string): 'bad' | 'warn' | 'info' | 'neutral' {
  switch (severity) {
    case 'critical':
    case 'major':
      return 'bad';
    case 'moderate':
      return 'warn';
    case 'suggestion':
      return 'info';
    default:
      return 'neutral';
  }
}
