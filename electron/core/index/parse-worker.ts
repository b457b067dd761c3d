// A parse worker thread (bundled to dist/parse-worker.cjs): reads, decodes and parses batches
// of files with the family adapters, and sends back only the small records, problems and
// hashes. Decoded documents and file texts never leave this thread, so the main thread neither
// spends time on them nor holds them in its heap. Adapters are plain functions of their input.
import { parentPort } from 'node:worker_threads';
import { ALL_ADAPTERS } from '../families/all-adapters';
import { blockingIo, readDocument, type DocumentFormat } from '../read/read-document';
import { readAndParse, type ParseOutcome, type ParseTask } from './parse-task';

export interface WorkerRequest {
  id: number;
  tasks: ParseTask[];
}

export interface WorkerReply {
  /** 0 for the one message saying the worker has loaded and is ready. */
  id: number;
  outcomes: ParseOutcome[];
}

const byFamily = new Map(ALL_ADAPTERS.map((a) => [a.family as string, a]));

// Blocking reads (see blockingIo): this thread does nothing else, one file at a time.
const io = blockingIo();
const read = (abs: string, format: DocumentFormat) => readDocument(abs, format, io);

async function handle(req: WorkerRequest): Promise<ParseOutcome[]> {
  const outcomes: ParseOutcome[] = [];
  for (const task of req.tasks) {
    const adapter = byFamily.get(task.classification.family);
    outcomes.push(adapter ? await readAndParse(task, adapter, read) : { kind: 'local' });
  }
  return outcomes;
}

function reply(port: NonNullable<typeof parentPort>, id: number, outcomes: ParseOutcome[]) {
  try {
    port.postMessage({ id, outcomes } satisfies WorkerReply);
  } catch {
    // A record that cannot be cloned (a function, a class instance with private state) is
    // parsed again on the main thread instead of being lost.
    const safe = outcomes.map((o) => {
      try {
        structuredClone(o);
        return o;
      } catch {
        return { kind: 'local' } as const;
      }
    });
    port.postMessage({ id, outcomes: safe } satisfies WorkerReply);
  }
}

if (parentPort) {
  const port = parentPort;
  // One batch at a time, in the order sent: the pool times the oldest batch of each worker.
  let tail: Promise<void> = Promise.resolve();
  port.on('message', (req: WorkerRequest) => {
    tail = tail.then(() =>
      handle(req).then(
        (outcomes) => reply(port, req.id, outcomes),
        () => reply(port, req.id, req.tasks.map(() => ({ kind: 'local' }) as const)),
      ),
    );
  });
  port.postMessage({ id: 0, outcomes: [] } satisfies WorkerReply);
}
