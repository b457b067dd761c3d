// Deciding gates in the UI and seeing the decision land on disk where each pipeline reads it,
// plus editing, branching, and `greenlight wait` returning when a gate is decided in the desk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, promises as fs, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DecisionFlows, type DeskPage } from '../pages/desk-page';
import { chromiumAvailable, CHROMIUM_PATH } from '../support/chromium';
import { closeSuite, openDeskInChromium } from '../support/desk-in-chromium';
import { makeSampleWorkspace } from '../support/sample-workspace';
import { startServe, type ServeProcess } from '../support/serve-process';
import { waitFor } from '../../helpers/wait-for';

if (!chromiumAvailable()) throw new Error(`Chromium is required for the end-to-end suite and was not found at ${CHROMIUM_PATH} (apt-get install chromium)`);

const ROOT = path.resolve(__dirname, '../../..');

/** What a decision left on disk, checked every 50 ms for up to 10 s. */
const poll = <T>(probe: () => T | undefined | false, what: string) => waitFor(probe, what, 10000, 50);

describe('deciding gates in Chromium', () => {
  let ws: string;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let desk: DeskPage;
  let flows: DecisionFlows;
  const json = (rel: string) => JSON.parse(readFileSync(path.join(ws, rel), 'utf8'));

  beforeAll(async () => {
    ws = makeSampleWorkspace();
    serve = await startServe([ws]);
    ({ browser, page, desk } = await openDeskInChromium(serve));
    flows = new DecisionFlows(desk);
  });

  afterAll(() => closeSuite({ browser, serve, dir: ws && path.dirname(ws) }));

  it('approving a waiting OpenMontage gate rewrites the checkpoint on disk', async () => {
    const rel = 'openmontage/projects/tides-explainer/checkpoint_compose.json';
    expect(json(rel).status).toBe('awaiting_human');
    const writes = await flows.decideFromInbox('Why the Sea Breathes Twice a Day', 'approve', 'Title card holds; ship it.');
    expect(writes).toContain('checkpoint_compose.json');
    await poll(() => json(rel).status === 'completed', 'the approval on disk');
    expect(json(rel).human_approved).toBe(true);
    await desk.inboxItems().filter({ hasText: 'Why the Sea Breathes' }).first().waitFor({ state: 'detached' });
    const audit = readFileSync(path.join(ws, '.greenlight/audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(audit.at(-1)).toMatchObject({ action: 'approve', family: 'openmontage', file: rel });
    await desk.screenshot('decision-approved');
  });

  it('rejecting with a note records it where OpenMontage reads it', async () => {
    const rel = 'openmontage/projects/solar-sails-explainer/checkpoint_proposal.json';
    await flows.decideFromInbox('Sailing on Sunlight', 'reject', 'Pick the second concept; the first is too long.');
    await poll(() => json(rel).artifacts.proposal_packet.approval.status === 'rejected', 'the rejection on disk');
    expect(json(rel).artifacts.proposal_packet.approval.user_notes).toBe('Pick the second concept; the first is too long.');
    expect(json(rel).status).toBe('awaiting_human');
  });

  it('editing the CineCut trailer manifest saves it and keeps the original', async () => {
    const rel = 'cinecut/films/night_train_cinecut_work/TRAILER_MANIFEST.json';
    await desk.openRunByTitle('night_train');
    const doc = json(rel);
    doc.clips[0].dialogue_excerpt = 'Last train out. Nobody else gets on. Not tonight.';
    await flows.editArtifact('TRAILER_MANIFEST.json', JSON.stringify(doc, null, 2), 'Sharper cold open line');
    await poll(() => json(rel).clips[0].dialogue_excerpt.endsWith('Not tonight.'), 'the edit on disk');
    const originals = await fs.readdir(path.join(ws, '.greenlight/originals'));
    expect(originals.length).toBeGreaterThan(0);
    await desk.screenshot('decision-edited');
  });

  it('branching an OpenMontage project creates main-1 with its lineage', async () => {
    await desk.openRunByTitle('Why the Sea Breathes Twice a Day');
    await flows.branchFromStage('script', 'try a calmer narration');
    const lineage = path.join(ws, 'openmontage/projects/tides-explainer-main-1/greenlight/lineage.json');
    await poll(() => existsSync(lineage), 'the branch folder');
    expect(JSON.parse(readFileSync(lineage, 'utf8'))).toMatchObject({ branch: 'main-1', fromStage: 'script', note: 'try a calmer narration' });
    await desk.screenshot('decision-branched');
  });

  it('`greenlight wait` returns when the gate is decided in the UI', async () => {
    const gateFile = path.join(ws, 'release-notes.gate.json');
    writeFileSync(gateFile, JSON.stringify({ question: 'Publish the release notes?', requested_at: new Date().toISOString(), options: ['approve', 'reject'] }));
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/greenlight.cjs'), 'wait', gateFile, '--timeout', '60'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (c) => (stdout += c.toString()));
    const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? -1)));
    await desk.go('inbox');
    await desk.inboxItems().filter({ hasText: 'Publish the release notes?' }).first().waitFor({ timeout: 5000 });
    await flows.decideFromInbox('Publish the release notes?', 'approve');
    expect(await exited).toBe(0);
    expect(JSON.parse(stdout.slice(stdout.indexOf('{')))).toMatchObject({ approved: true });
  });
});
