// A pipeline that will not wait: it rewrites an OpenMontage checkpoint and a gate-protocol gate
// `rate` times a second each (temp file + rename, as OpenMontage and a careful gate writer do),
// consuming whatever Greenlight decided in between, and checks before every write that nobody
// lost one of its writes. Bundled with esbuild by the test; prints a JSON summary at the end.
//
//   node pipeline-agent.cjs <root> <seconds> <rate>
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [root, secondsArg, rateArg] = process.argv.slice(2);
const until = Date.now() + Number(secondsArg) * 1000;
const period = 1000 / Number(rateArg);

const omFile = path.join(root, 'openmontage/projects/live/checkpoint_script.json');
const gateFile = path.join(root, 'gates/live.gate.json');
const decisionFile = path.join(root, 'gates/live.decision.json');
mkdirSync(path.dirname(omFile), { recursive: true });
mkdirSync(path.dirname(gateFile), { recursive: true });

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const anomalies: string[] = [];
const s = { omWrites: 0, gateWrites: 0, approvalsSeen: 0, rejectionsSeen: 0, answered: 0, staleAnswers: 0, absentReads: 0 };
/** sha256 of every OpenMontage version this pipeline wrote: any decision must name one of them. */
const omVersions: string[] = [];
let omLast = 0;
let gateLast = 0;
let gateBytes = '';

function writeAtomically(file: string, text: string) {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

function writeOm() {
  const doc = {
    version: '1.0',
    project_id: 'live',
    pipeline_type: 'animated-explainer',
    stage: 'script',
    status: 'awaiting_human',
    timestamp: new Date().toISOString().replace('Z', '+00:00'),
    checkpoint_policy: 'guided',
    human_approval_required: true,
    human_approved: false,
    artifacts: { script: { title: 'Live script', sections: [{ id: 's1', text: `take ${omLast + 1}` }] } },
    metadata: { counter: ++omLast },
  };
  const text = JSON.stringify(doc, null, 2) + '\n';
  writeAtomically(omFile, text);
  omVersions.push(sha(text));
  s.omWrites++;
}

function writeGate() {
  gateBytes = JSON.stringify({ question: 'Publish take?', requested_at: new Date().toISOString(), context: { counter: ++gateLast } }, null, 2) + '\n';
  writeAtomically(gateFile, gateBytes);
  s.gateWrites++;
}

/** Greenlight swaps a checkpoint with three system calls during which it is absent: read again. */
function readPatiently(file: string): string | undefined {
  for (let i = 0; i < 1000; i++) {
    try {
      return readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      if (i === 0) s.absentReads++;
    }
  }
  return undefined;
}

function checkOm() {
  const text = readPatiently(omFile);
  if (text === undefined) return void anomalies.push(`checkpoint gone after write ${omLast}`);
  let doc: { status?: string; human_approved?: boolean; metadata?: { counter?: number; greenlight_review?: { decision?: string } } };
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return void anomalies.push(`checkpoint unreadable after write ${omLast}: ${(err as Error).message}`);
  }
  const counter = doc.metadata?.counter;
  // Any other counter means a decision replaced a version it was not shown (a lost write).
  if (counter !== omLast) anomalies.push(`checkpoint holds write ${counter} (${doc.status}), but the last write was ${omLast}`);
  if (doc.status === 'completed' && doc.human_approved === true) s.approvalsSeen++;
  else if (doc.metadata?.greenlight_review?.decision === 'changes_requested') s.rejectionsSeen++;
}

function checkGate() {
  const now = readPatiently(gateFile);
  if (now !== gateBytes) anomalies.push(`gate file changed by someone else after write ${gateLast}`);
  if (!existsSync(decisionFile)) return;
  let d: { gate_sha256?: string };
  try {
    d = JSON.parse(readFileSync(decisionFile, 'utf8'));
  } catch (err) {
    anomalies.push(`decision file half-written: ${(err as Error).message}`);
    return;
  }
  // The protocol: a decision naming another version of the gate answers another question.
  if (d.gate_sha256 === sha(gateBytes)) s.answered++;
  else s.staleAnswers++;
  rmSync(decisionFile);
}

writeOm();
writeGate();
let next = Date.now() + period;
while (Date.now() < until) {
  const wait = next - Date.now();
  if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
  next += period;
  checkOm();
  writeOm();
  checkGate();
  writeGate();
}
checkOm();
process.stdout.write(JSON.stringify({ ...s, anomalies: anomalies.slice(0, 20), anomalyCount: anomalies.length, omVersions }));
