// OmniClaude samples (FORMATS §3): append-only phase YAML per ticket and run, dumped like PyYAML.
import { clock, out } from './session.mjs';
import { MIN, HOUR, DAY } from './clock.mjs';
import { seeded, hex, uuid4, uuid5 } from './ids.mjs';
import { pyYaml } from './serialise.mjs';
import { writeDecision } from './greenlight-decision.mjs';

const OC = 'omniclaude/checkpoints';
const OC_NAMESPACE = 'e176b05f-f761-5a9d-9a51-ac6d5a3566ee';
const PHASE_ORDINAL = { implement: 1, local_review: 2, create_pr: 3, pr_release_ready: 4, ready_for_merge: 5 };

/** Fields in ModelCheckpoint order, dumped as PyYAML does. */
function ocWrite(ticket, runId, phase, attempt, at, repos, artifactPaths, payload) {
  const doc = {
    schema_version: '1.0.0',
    run_id: runId,
    ticket_id: ticket,
    phase,
    timestamp_utc: clock.zIso(at),
    repo_commit_map: repos,
    artifact_paths: artifactPaths,
    attempt_number: attempt,
    phase_payload: { phase, ...payload },
  };
  const rel = `${OC}/${ticket}/${runId}/phase_${PHASE_ORDINAL[phase]}_${phase}_a${attempt}.yaml`;
  out.put(rel, pyYaml(doc), at);
  return rel;
}

export function omniclaude() {
  const r = seeded('omniclaude');
  const sha = (n = 40) => hex(n, r);

  // ACME-412: implement -> local_review (retried) -> create_pr -> ready_for_merge: waiting to merge.
  {
    const ticket = 'ACME-412';
    const run = uuid4(r);
    const t0 = clock.ago(5 * HOUR);
    const c1 = sha(), c2 = sha(), c3 = sha();
    const branch = 'feat/ACME-412-webhook-retry-backoff';
    const files = ['src/webhooks/retry.py', 'src/webhooks/consumer.py', 'tests/webhooks/test_retry.py'];
    ocWrite(ticket, run, 'implement', 1, t0, { 'acme-api': c1 }, ['docs/adr/0042-webhook-retries.md'], { branch_name: branch, commit_sha: c1, files_changed: files });
    ocWrite(ticket, run, 'local_review', 1, clock.after(t0, 22 * MIN), { 'acme-api': c1 }, ['.review/ACME-412/round-1.md'], { iteration_count: 1, issue_fingerprints: ['ruff:E501:src/webhooks/retry.py:88', 'mypy:arg-type:src/webhooks/consumer.py:141', 'review:missing-jitter:src/webhooks/retry.py'], last_clean_sha: c1.slice(0, 12) });
    ocWrite(ticket, run, 'local_review', 2, clock.after(t0, 51 * MIN), { 'acme-api': c2 }, ['.review/ACME-412/round-2.md'], { iteration_count: 2, issue_fingerprints: [], last_clean_sha: c2 });
    ocWrite(ticket, run, 'create_pr', 1, clock.after(t0, 58 * MIN), { 'acme-api': c3 }, ['.review/ACME-412/pr-body.md'], { pr_url: 'https://github.com/acme/acme-api/pull/1287', pr_number: 1287, head_sha: c3 });
    const labelled = clock.after(t0, 3 * HOUR);
    ocWrite(ticket, run, 'ready_for_merge', 1, labelled + 4000, { 'acme-api': c3 }, [], { label_applied_at: clock.zIso(labelled) });
  }

  // ACME-418: two repos, short run id normalised with uuid5, stopped after opening the PR.
  {
    const ticket = 'ACME-418';
    const run = uuid5(OC_NAMESPACE, hex(8, r));
    const t0 = clock.ago(1 * HOUR + 50 * MIN);
    const web = sha(), tokens = sha(12), web2 = sha();
    ocWrite(ticket, run, 'implement', 1, t0, { 'acme-web': web, 'packages/design-tokens': tokens }, ['docs/changes/ACME-418.md'], { branch_name: 'fix/ACME-418-dark-mode-contrast', commit_sha: web, files_changed: ['packages/design-tokens/src/colors.ts', 'apps/web/src/components/Badge.tsx', 'apps/web/src/components/Badge.test.tsx'] });
    ocWrite(ticket, run, 'local_review', 1, clock.after(t0, 31 * MIN), { 'acme-web': web2, 'packages/design-tokens': tokens }, [], { iteration_count: 1, issue_fingerprints: [], last_clean_sha: web2 });
    ocWrite(ticket, run, 'create_pr', 1, clock.ago(35 * MIN), { 'acme-web': web2, 'packages/design-tokens': tokens }, ['docs/changes/ACME-418.md'], { pr_url: 'https://github.com/acme/acme-web/pull/2214', pr_number: 2214, head_sha: web2 });
  }

  // ACME-377: an older run from when phase 4 was pr_release_ready. One SHA is all digits, which
  // PyYAML quotes so it stays a string.
  {
    const ticket = 'ACME-377';
    const run = uuid4(r);
    const t0 = clock.ago(6 * DAY + 3 * HOUR);
    const c1 = '4419023', c2 = sha();
    ocWrite(ticket, run, 'implement', 1, t0, { 'acme-billing': c1 }, ['migrations/0087_invoice_due_dates.sql'], { branch_name: 'feat/ACME-377-invoice-due-dates', commit_sha: c1, files_changed: ['billing/invoices.py', 'migrations/0087_invoice_due_dates.sql'] });
    ocWrite(ticket, run, 'local_review', 1, clock.after(t0, 40 * MIN), { 'acme-billing': c2 }, [], { iteration_count: 1, issue_fingerprints: ['review:n+1-query:billing/invoices.py:212'], last_clean_sha: c2 });
    ocWrite(ticket, run, 'create_pr', 1, clock.after(t0, 55 * MIN), { 'acme-billing': c2 }, [], { pr_url: 'https://github.com/acme/acme-billing/pull/904', pr_number: 904, head_sha: c2 });
    const ready = ocWrite(ticket, run, 'pr_release_ready', 1, clock.after(t0, 5 * HOUR), { 'acme-billing': c2 }, [], { last_review_sha: c2, issue_fingerprints: [] });
    // Decided in Greenlight the next morning: the merge gate shows as approved, with the note.
    writeDecision({ rel: `${OC}/${ticket}/${run}/greenlight-decision_pr_release_ready_a1.json`, targetRel: ready, gate: 'pr_release_ready_a1', decision: 'approve', note: 'Merged after the billing release sign-off; migration ran clean on staging.', by: 'maria.chen', at: clock.after(t0, 19 * HOUR) });
  }

  // Broken sample: the payload is for another phase than the header, and an artifact path is absolute.
  {
    const ticket = 'BROKEN-SAMPLE-1';
    const run = uuid4(r);
    const at = clock.ago(2 * HOUR + 15 * MIN);
    const c = sha();
    const doc = {
      schema_version: '1.0.0', run_id: run, ticket_id: ticket, phase: 'create_pr', timestamp_utc: clock.zIso(at),
      repo_commit_map: { 'acme-api': c },
      artifact_paths: ['/home/dev/acme-api/coverage.xml', 'docs/changes/BROKEN-SAMPLE-1.md'],
      attempt_number: 1,
      phase_payload: { phase: 'local_review', iteration_count: 1, issue_fingerprints: [], last_clean_sha: c },
    };
    out.put(`${OC}/${ticket}/${run}/phase_3_create_pr_a1.yaml`, pyYaml(doc), at);
  }
}
