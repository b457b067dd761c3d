// The core side of the benchmark, bundled by bench/run.mjs with esbuild so it can use the Desk
// directly. Each mode runs in its own process, so the floor's allocations never count against
// the core's memory and every process starts cold:
//
//   floor <dir>          plain sequential read + JSON/YAML parse of the files the index reads
//   floor-parallel <dir> [--threads N]  the same work split over N worker threads (default: one
//                        per core): the least time any index could take on this machine, before
//                        it validates anything
//   index <dir> [--no-watch] [--workers N]   one cold index, then exit (profiling)
//   problems|runs <dir> [...]  one cold index, then every problem or run, one per line (comparing builds)
//   serve <dir> [--workers N]   cold index as `greenlight serve` does it, then serve over HTTP;
//                        talks to the parent over the IPC channel ('stop' ends it)
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { parse as parseYamlPlain } from 'yaml';
import { Desk } from '../electron/core/desk';
import { ALL_ADAPTERS } from '../electron/core/families/all-adapters';
import { scanTree } from '../electron/core/index/scan-tree';
import { WorkspaceIndex, toRel } from '../electron/core/index/workspace-index';
import { browserHostHandlers, createDeskApi } from '../electron/core/api/desk-api';
import { startServer } from '../electron/server/http-server';

interface Flags {
  watch: boolean;
  workers?: number;
  threads?: number;
}

function parseFlags(argv: string[]): Flags {
  const flags: Flags = { watch: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--no-watch') flags.watch = false;
    else if (argv[i] === '--workers') flags.workers = Number(argv[++i]);
    else if (argv[i] === '--threads') flags.threads = Number(argv[++i]);
  }
  return flags;
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

/** The files the index would decode, with the format it would decode them as. */
async function indexedFiles(dir: string): Promise<Array<{ abs: string; format: 'json' | 'yaml' | 'pyyaml' }>> {
  const probe = new WorkspaceIndex({ adapters: ALL_ADAPTERS });
  const root = probe.addRoot(dir);
  const out: Array<{ abs: string; format: 'json' | 'yaml' | 'pyyaml' }> = [];
  for (const abs of await scanTree(root.path)) {
    const rel = toRel(root.path, abs);
    const hit = rel === null ? null : probe.classify(rel);
    if (hit && hit.classification.format !== 'none') out.push({ abs, format: hit.classification.format });
  }
  return out;
}

type FloorFile = { abs: string; format: 'json' | 'yaml' | 'pyyaml' };

/** The floor's work: read each file and parse it, nothing else. */
function readAndParseAll(files: FloorFile[]): { bytes: number; failed: number } {
  let bytes = 0;
  let failed = 0;
  for (const f of files) {
    const buf = readFileSync(f.abs);
    bytes += buf.length;
    const text = buf.toString('utf8');
    try {
      if (f.format === 'json') JSON.parse(text);
      else parseYamlPlain(text);
    } catch {
      failed++; // the deliberately broken files: parsing them is still work done
    }
  }
  return { bytes, failed };
}

async function floor(dir: string) {
  const files = await indexedFiles(dir);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const { bytes, failed } = readAndParseAll(files);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { files: files.length, bytes, failed, ms, cpuMs: Math.round((cpu.user + cpu.system) / 1000) };
}

/**
 * The floor's work split over `threads` worker threads (files dealt round-robin), timed from
 * starting the threads to the last one done, as the desk's parse workers are timed. Nothing is
 * validated, nothing sent back: no index of these files can finish sooner on this machine.
 */
async function floorParallel(dir: string, threads: number) {
  const files = await indexedFiles(dir);
  const parts = Array.from({ length: threads }, (_, i) => files.filter((_, j) => j % threads === i));
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const done = await Promise.all(
    parts.map(
      (part) =>
        new Promise<{ bytes: number; failed: number }>((resolve, reject) => {
          const w = new Worker(__filename, { workerData: { floorFiles: part } });
          w.once('message', resolve);
          w.once('error', reject);
        }),
    ),
  );
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { files: files.length, bytes: done.reduce((n, d) => n + d.bytes, 0), threads, ms, cpuMs: Math.round((cpu.user + cpu.system) / 1000) };
}

async function coldIndex(dir: string, flags: Flags) {
  const t0 = performance.now();
  // CPU time of the whole process (main thread and workers): less noisy than wall time on a shared machine.
  const cpu0 = process.cpuUsage();
  // GREENLIGHT_BENCH_RSS_TRACE=1: RSS and heap every 100 ms on stderr, to see where the peak is.
  const trace = process.env.GREENLIGHT_BENCH_RSS_TRACE
    ? setInterval(() => {
        const m = process.memoryUsage();
        process.stderr.write(`rss ${Math.round(performance.now() - t0)} ms ${mb(m.rss)} MB heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} MB\n`);
      }, 100)
    : undefined;
  const desk = new Desk({ mode: 'browser', watch: flags.watch, parseWorkers: flags.workers } as ConstructorParameters<typeof Desk>[0]);
  let events = 0;
  desk.on('event', (e: { type: string }) => {
    if (e.type === 'index') events++;
  });
  await desk.addRoot(dir);
  const ms = performance.now() - t0;
  if (trace) clearInterval(trace);
  // The desk's own phase marks: when the listing was done and when parsing was, from t0.
  const at = (name: string) => {
    const m = performance.getEntriesByName(name, 'mark').pop();
    return m ? Math.round(m.startTime - t0) : undefined;
  };
  const phases = { listedMs: at('greenlight:scan-listed'), parsedMs: at('greenlight:batch-parsed'), indexedMs: at('greenlight:scan-indexed') };
  const cpu = process.cpuUsage(cpu0);
  const snap = desk.snapshot();
  const usage = process.resourceUsage();
  const mem = process.memoryUsage();
  const result = {
    ms,
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    phases,
    runs: snap.runs.length,
    waitingGates: snap.gates.length,
    files: desk.index.fileCount(),
    problems: snap.problemCount,
    indexEvents: events,
    maxRssMb: mb(usage.maxRSS * 1024),
    rssMb: mb(mem.rss),
    heapUsedMb: mb(mem.heapUsed),
  };
  return { desk, result };
}

async function main() {
  const [mode, dir, ...rest] = process.argv.slice(2);
  if (!mode || !dir) throw new Error('usage: core.cjs floor|floor-parallel|index|problems|runs|serve <dir> [--no-watch] [--workers N] [--threads N]');
  const abs = path.resolve(dir);
  const flags = parseFlags(rest);
  if (mode === 'floor') {
    process.stdout.write(JSON.stringify(await floor(abs)) + '\n');
    return;
  }
  if (mode === 'floor-parallel') {
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    process.stdout.write(JSON.stringify(await floorParallel(abs, flags.threads ?? cores)) + '\n');
    return;
  }
  if (mode === 'index' || mode === 'problems' || mode === 'runs') {
    const { desk, result } = await coldIndex(abs, flags);
    if (mode === 'runs') {
      const runs = desk.index.listRuns().sort((a, b) => (a.id < b.id ? -1 : 1));
      process.stdout.write(runs.map((r) => JSON.stringify(r)).join('\n') + '\n');
    } else if (mode === 'problems') {
      // One line per problem, sorted, to compare two builds of the core.
      const lines = desk.index.listProblems().map((p) => `${p.file.rel}\t${p.severity}\t${p.code}\t${p.field}\t${p.message}`);
      process.stdout.write(lines.sort().join('\n') + '\n');
    } else process.stdout.write(JSON.stringify(result) + '\n');
    await desk.close();
    return;
  }
  if (mode === 'serve') {
    const send = (m: unknown) => process.send?.(m);
    const { desk, result } = await coldIndex(abs, flags);
    const rendererDir = process.env.GREENLIGHT_BENCH_RENDERER ?? path.resolve(__dirname, '..', '..', 'dist', 'renderer');
    readFileSync(path.join(rendererDir, 'index.html')); // fail early when the renderer is not built
    const server = await startServer({ desk, handlers: createDeskApi(desk, browserHostHandlers, { by: () => 'bench' }), rendererDir });
    send({ type: 'ready', index: result, port: server.port, token: server.token });
    process.on('message', async (m: { type?: string }) => {
      if (m?.type === 'rss') send({ type: 'rss', maxRssMb: mb(process.resourceUsage().maxRSS * 1024), rssMb: mb(process.memoryUsage().rss) });
      if (m?.type === 'stop') {
        await server.close();
        await desk.close();
        send({ type: 'stopped' });
        process.exit(0);
      }
    });
    process.on('disconnect', () => process.exit(0));
    return;
  }
  throw new Error(`unknown mode ${mode}`);
}

if (!isMainThread && workerData?.floorFiles) {
  // A thread of floor-parallel: this bundle again, given its share of the files.
  parentPort!.postMessage(readAndParseAll(workerData.floorFiles as FloorFile[]));
} else {
  main().catch((err) => {
    process.stderr.write(`core-entry: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
