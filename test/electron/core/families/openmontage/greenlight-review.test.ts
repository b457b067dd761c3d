// A request for changes Greenlight recorded in `metadata.greenlight_review` (OpenMontage has no
// rejected status): the gate shows it as rejected, with who, when and the note — but only on
// the version it was written on.
import { afterEach, describe, expect, it } from 'vitest';
import { checkpoint, manifestYaml, tempProject } from './om-test-kit';

const P = 'projects/reef';
const TS = '2026-11-21T08:43:27.800000+00:00';
let t: ReturnType<typeof tempProject> | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

async function scriptGate(over: Record<string, unknown>) {
  t = tempProject();
  t.write('pipeline_defs/reef-explainer.yaml', manifestYaml('reef-explainer', [['script', true, true]]));
  t.json(`${P}/checkpoint_script.json`, checkpoint('script', { status: 'awaiting_human', human_approval_required: true, timestamp: TS, artifacts: { script: {} }, ...over }));
  const { index } = await t.index();
  const run = index.listRuns()[0];
  return { run, gate: run.gates[0], problems: index.listProblems() };
}

const review = (at = TS) => ({ greenlight_review: { decision: 'changes_requested', note: 'Cut the intro', by: 'ada', at } });

describe('OpenMontage gate with metadata.greenlight_review', () => {
  it('is rejected, with the note, who and when; the run no longer waits', async () => {
    const { run, gate, problems } = await scriptGate({ metadata: { preview: 'x.mp4', ...review() } });
    expect(gate).toMatchObject({ status: 'rejected', note: 'Cut the intro', decidedBy: 'ada', decidedAt: TS });
    expect(run.pendingGates).toBe(0);
    expect(run.stages[0].status).toBe('awaiting_human');
    expect(problems.filter((p) => p.field.startsWith('/metadata'))).toEqual([]);
  });

  it('waits again when the agent re-ran the stage and carried the old note along (another timestamp)', async () => {
    const { gate } = await scriptGate({ metadata: review('2026-11-20T10:00:00+00:00') });
    expect(gate.status).toBe('waiting');
  });

  it('an approval names who approved and the note', async () => {
    const { gate } = await scriptGate({ status: 'completed', human_approved: true, metadata: { greenlight_review: { decision: 'approved', note: 'Keep the pun', by: 'bo', at: TS } } });
    expect(gate).toMatchObject({ status: 'approved', note: 'Keep the pun', decidedBy: 'bo', decidedAt: TS });
  });

  it('approval wins over a leftover note, and anything malformed is ignored', async () => {
    expect((await scriptGate({ status: 'completed', human_approved: true, metadata: review() })).gate.status).toBe('approved');
    t?.cleanup();
    expect((await scriptGate({ metadata: { greenlight_review: 'changes please' } })).gate.status).toBe('waiting');
    t?.cleanup();
    expect((await scriptGate({ metadata: { greenlight_review: { decision: 'approved' } } })).gate.status).toBe('waiting');
  });
});
