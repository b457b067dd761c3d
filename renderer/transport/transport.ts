// What the renderer's stores talk to. Two implementations carry the same contract: Electron IPC
// through the preload, and HTTP + Server-Sent Events for `greenlight serve`.
import type { Channel, ChannelArgs, ChannelResult, DeskEvent } from '../../shared/api-contract';

export interface Transport {
  readonly kind: 'electron' | 'browser';
  invoke<C extends Channel>(channel: C, ...args: ChannelArgs<C>): Promise<ChannelResult<C>>;
  /** Live changes; returns an unsubscribe function. `onStatus` reports the connection state. */
  subscribe(listener: (e: DeskEvent) => void, onStatus?: (connected: boolean) => void): () => void;
  /** URL the renderer may put in <img>/<video>/<audio> for an artifact id. */
  artifactUrl(artifactId: string): string;
}
