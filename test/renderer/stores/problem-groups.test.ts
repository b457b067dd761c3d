import { describe, expect, it } from 'vitest';
import { groupProblems, problemFamilies } from '../../../renderer/stores/problem-groups';
import { problem } from '../fixtures';

const problems = [
  problem({ rel: 'a/warn-only.json', severity: 'warning', field: '/review', message: 'review missing', family: 'openmontage' }),
  problem({ rel: 'b/broken.json', severity: 'warning', field: '/cost_snapshot', message: 'cost missing', family: 'openmontage', runId: 'run-b' }),
  problem({ rel: 'b/broken.json', severity: 'error', field: '/status', message: 'unknown status "dunno"', family: 'openmontage', runId: 'run-b' }),
  problem({ rel: 'c/plan.json', severity: 'error', field: '', message: 'JSON syntax error at 3:14', code: 'json.syntax', family: 'twinklr' }),
];

describe('groupProblems', () => {
  it('groups by file, files with errors first, errors before warnings inside a file', () => {
    const groups = groupProblems(problems, { severity: 'all', family: 'all' });
    expect(groups.map((g) => g.file.rel)).toEqual(['b/broken.json', 'c/plan.json', 'a/warn-only.json']);
    expect(groups[0].problems.map((p) => p.severity)).toEqual(['error', 'warning']);
    expect(groups[0]).toMatchObject({ errors: 1, warnings: 1, runId: 'run-b', family: 'openmontage' });
  });

  it('filters by severity and by family', () => {
    expect(groupProblems(problems, { severity: 'warning', family: 'all' }).map((g) => g.file.rel)).toEqual(['a/warn-only.json', 'b/broken.json']);
    expect(groupProblems(problems, { severity: 'all', family: 'twinklr' }).map((g) => g.file.rel)).toEqual(['c/plan.json']);
    expect(groupProblems(problems, { severity: 'error', family: 'twinklr' })).toHaveLength(1);
  });

  it('lists the families present', () => {
    expect(problemFamilies(problems)).toEqual(['openmontage', 'twinklr']);
  });
});
