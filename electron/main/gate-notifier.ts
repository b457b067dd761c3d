// Tells the reviewer when a gate starts waiting: an OS notification per newly waiting gate
// (clicking it opens that run), and the waiting count on the dock/taskbar badge and in the
// window title. Gates found while a folder is first scanned are the starting state, not news,
// so opening a folder with twenty waiting gates does not raise twenty notifications.
import type { DeskEvent } from '../../shared/api-contract';
import type { Gate } from '../../shared/model';
import { formatRoute } from '../../renderer/stores/route';

export interface GateNotice {
  title: string;
  body: string;
  /** The hash route to open when the notice is clicked. */
  route: string;
}

export interface GateNotifierHost {
  notify(notice: GateNotice): void;
  setWaitingCount(count: number): void;
  /** A human name for the run, for the notice body. */
  describeRun?(runId: string): string | undefined;
}

/** More new gates than this at once become one summary notice. */
export const MAX_INDIVIDUAL_NOTICES = 3;

export class GateNotifier {
  private known = new Set<string>();
  private quiet = 0;
  private count = -1;

  constructor(private readonly host: GateNotifierHost) {}

  /** Gates that appear while `work` runs (a folder's first scan) are recorded silently. */
  async quietDuring<T>(work: () => Promise<T>): Promise<T> {
    this.quiet++;
    try {
      return await work();
    } finally {
      this.quiet--;
    }
  }

  handleEvent(e: DeskEvent): void {
    if (e.type === 'index') this.update(e.gates);
  }

  /** Takes the full list of waiting gates (as every index event carries it). */
  update(gates: Gate[]): void {
    const waiting = gates.filter((g) => g.status === 'waiting');
    const fresh = this.quiet ? [] : waiting.filter((g) => !this.known.has(g.id));
    // A gate that was decided and later waits again is news again, so forget decided ones.
    this.known = new Set(waiting.map((g) => g.id));
    if (waiting.length !== this.count) {
      this.count = waiting.length;
      this.host.setWaitingCount(waiting.length);
    }
    if (fresh.length > MAX_INDIVIDUAL_NOTICES) {
      this.host.notify({ title: `${fresh.length} gates waiting`, body: 'New gates are waiting for review.', route: formatRoute({ name: 'inbox' }) });
      return;
    }
    for (const g of fresh) {
      const run = this.host.describeRun?.(g.runId);
      this.host.notify({
        title: `Gate waiting: ${g.title}`,
        body: [run, g.stageName].filter(Boolean).join(' · ') || 'A gate is waiting for review.',
        route: formatRoute({ name: 'run', runId: g.runId }),
      });
    }
  }
}

export function windowTitle(count: number): string {
  return count > 0 ? `(${count}) Greenlight` : 'Greenlight';
}
