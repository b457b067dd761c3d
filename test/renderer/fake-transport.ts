// A transport for renderer tests: answers channels from handlers the test provides, records
// calls, and lets the test push live events and connection changes.
import type { Channel, ChannelArgs, ChannelResult, DeskEvent, Snapshot } from '../../shared/api-contract';
import type { Transport } from '../../renderer/transport/transport';

type Handlers = { [C in Channel]: (...args: ChannelArgs<C>) => ChannelResult<C> | Promise<ChannelResult<C>> };

export class FakeTransport implements Transport {
  kind: 'electron' | 'browser' = 'browser';
  handlers: Partial<Handlers> = {};
  calls: Array<{ channel: Channel; args: unknown[] }> = [];
  private listener?: (e: DeskEvent) => void;
  private onStatus?: (connected: boolean) => void;
  /** Whether subscribe reports "connected" straight away (Electron does; EventSource later). */
  connectOnSubscribe = true;

  invoke<C extends Channel>(channel: C, ...args: ChannelArgs<C>): Promise<ChannelResult<C>> {
    this.calls.push({ channel, args });
    const h = this.handlers[channel] as ((...a: ChannelArgs<C>) => Promise<ChannelResult<C>> | ChannelResult<C>) | undefined;
    if (!h) return Promise.reject(new Error(`no handler for ${channel}`));
    try {
      return Promise.resolve(h(...args));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  subscribe(listener: (e: DeskEvent) => void, onStatus?: (connected: boolean) => void): () => void {
    this.listener = listener;
    this.onStatus = onStatus;
    if (this.connectOnSubscribe) onStatus?.(true);
    return () => {
      this.listener = undefined;
      this.onStatus = undefined;
    };
  }

  artifactUrl(artifactId: string): string {
    return `/artifacts/${encodeURIComponent(artifactId)}`;
  }

  emit(e: DeskEvent): void {
    this.listener?.(e);
  }

  setConnected(connected: boolean): void {
    this.onStatus?.(connected);
  }

  get subscribed(): boolean {
    return !!this.listener;
  }

  count(channel: Channel): number {
    return this.calls.filter((c) => c.channel === channel).length;
  }

  /** Answers getSnapshot with `snapshot` (a function so tests can change it between calls). */
  withSnapshot(snapshot: Snapshot | (() => Snapshot)): this {
    this.handlers.getSnapshot = async () => (typeof snapshot === 'function' ? snapshot() : snapshot);
    return this;
  }
}
