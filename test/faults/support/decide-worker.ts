// A separate process that decides gates through the real path (Desk + decideGate: the family's
// writer, then the audit log), so a test can kill it with SIGKILL at any moment. Bundled with
// esbuild by the test; prints one JSON line per event on stdout.
//
//   node decide-worker.cjs <root> [<seed>]
//
// It indexes <root>, says {"event":"ready"}, then decides every waiting gate it can (aivideo
// needs a live API and is skipped) in a seeded random order, approving or rejecting at random.
import { Desk } from '../../../electron/core/desk';
import { decideGate } from '../../../electron/core/decide/decide-gate';

const [root, seedArg] = process.argv.slice(2);
let seed = Number(seedArg ?? 1) >>> 0 || 1;
const random = () => {
  // xorshift32: reproducible orders from the seed the test prints.
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 0x100000000;
};
const say = (o: Record<string, unknown>) => process.stdout.write(JSON.stringify(o) + '\n');

async function main() {
  const desk = new Desk({ mode: 'cli', watch: false });
  await desk.addRoot(root);
  const gates = desk.index
    .waitingGates()
    .filter((g) => g.family !== 'aivideo')
    .sort(() => random() - 0.5);
  say({ event: 'ready', gates: gates.length });
  for (const g of gates) {
    const decision = random() < 0.7 ? 'approve' : 'reject';
    const outcome = await decideGate(desk, { gateId: g.id, decision, revision: g.revision, note: random() < 0.3 ? 'checked by the fault test' : undefined }, 'fault-test');
    say({ event: 'decided', gate: g.rel, family: g.family, decision, status: outcome.status, message: outcome.message });
  }
  await desk.close();
  say({ event: 'done' });
}

main().catch((err) => {
  say({ event: 'error', message: String((err as Error)?.stack ?? err) });
  process.exit(1);
});
