// OmniClaude runs (FORMATS §3), written as scripts/samples/omniclaude.mjs writes them: one
// PyYAML-dumped ModelCheckpoint per phase attempt under <ticket>/<run uuid>/, retries as _a2.
import { seeded, hex, uuid4 } from '../../scripts/samples/ids.mjs';
import { MIN, HOUR } from '../../scripts/samples/clock.mjs';
import { int, pick, slug } from './text.mjs';

const OC = 'omniclaude/checkpoints';
const F = 'omniclaude';
const PHASES = ['implement', 'local_review', 'create_pr', 'pr_release_ready', 'ready_for_merge'];
const REPOS = ['acme-api', 'acme-web', 'acme-billing', 'packages/design-tokens'];

function payload(phase, r, sha, at, clock) {
  switch (phase) {
    case 'implement':
      return { branch_name: `feat/${slug(r, 3)}`, commit_sha: sha, files_changed: Array.from({ length: int(r, 2, 12) }, () => `src/${slug(r, 2)}/${slug(r, 1)}.py`) };
    case 'local_review':
      return { iteration_count: int(r, 1, 3), issue_fingerprints: Array.from({ length: int(r, 0, 4) }, () => `ruff:E501:src/${slug(r, 1)}.py:${int(r, 1, 400)}`), last_clean_sha: sha };
    case 'create_pr': {
      const n = int(r, 100, 9999);
      return { pr_url: `https://github.com/acme/acme-api/pull/${n}`, pr_number: n, head_sha: sha };
    }
    case 'pr_release_ready':
      return { last_review_sha: sha, issue_fingerprints: [] };
    default:
      return { label_applied_at: clock.zIso(at) };
  }
}

export function omniclaude(w, clock, { runs, phases }) {
  let written = 0;
  for (let i = 0; i < runs; i++) {
    const r = seeded(`bench-oc-${i}`);
    const ticket = `ACME-${1000 + Math.floor(i / 2)}`;
    const runId = uuid4(r);
    // Far enough back that every phase (up to ten attempts an hour apart) is in the past.
    let t = clock.ago(int(r, 12, 30 * 24) * HOUR);
    const repos = { [pick(r, REPOS)]: hex(40, r) };
    const reach = r() < 0.7 ? phases : int(r, 1, phases);
    for (let k = 0; k < reach; k++) {
      const phase = PHASES[k];
      const attempts = phase === 'local_review' && r() < 0.3 ? 2 : 1;
      for (let a = 1; a <= attempts; a++) {
        t += int(r, 5, 60) * MIN;
        const sha = hex(40, r);
        const doc = {
          schema_version: '1.0.0',
          run_id: runId,
          ticket_id: ticket,
          phase,
          timestamp_utc: clock.zIso(t),
          repo_commit_map: repos,
          artifact_paths: [`.review/${ticket}/round-${a}.md`],
          attempt_number: a,
          phase_payload: { phase, ...payload(phase, r, sha, t, clock) },
        };
        w.putYaml(F, `${OC}/${ticket}/${runId}/phase_${k + 1}_${phase}_a${a}.yaml`, doc, t);
        written++;
      }
    }
  }
  return { runs, files: written };
}
