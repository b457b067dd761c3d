// Indexes one folder with the real desk and prints what it found as JSON: run by the
// unreadable-files test as an unprivileged user, because chmod 000 does not stop root.
//
//   node index-worker.cjs <root>
import { Desk } from '../../../electron/core/desk';

async function main() {
  const desk = new Desk({ mode: 'cli', watch: false });
  await desk.addRoot(process.argv[2]);
  const out = {
    problems: desk.index.listProblems().map((p) => ({ rel: p.file.rel, code: p.code, field: p.field, message: p.message })),
    notices: desk.snapshot().notices.map((n) => n.message),
    runs: desk.index.listRuns().map((r) => ({ title: r.title, files: r.files.map((f) => f.rel) })),
  };
  await desk.close();
  process.stdout.write(JSON.stringify(out));
}

main().catch((err) => {
  process.stderr.write(String((err as Error)?.stack ?? err));
  process.exit(1);
});
