// Electron mode: the preload exposes one named function per channel on window.greenlight.
import type { Channel, ChannelArgs, ChannelResult, DeskEvent } from '../../shared/api-contract';
import { ARTIFACT_PROTOCOL } from '../../shared/api-routes';
import type { GreenlightBridge } from '../../shared/preload-bridge';
import type { Transport } from './transport';

export class ElectronTransport implements Transport {
  readonly kind = 'electron' as const;
  constructor(private readonly bridge: GreenlightBridge) {}

  invoke<C extends Channel>(channel: C, ...args: ChannelArgs<C>): Promise<ChannelResult<C>> {
    const fn = this.bridge[channel] as unknown as (...a: ChannelArgs<C>) => Promise<ChannelResult<C>>;
    return fn(...args);
  }

  subscribe(listener: (e: DeskEvent) => void, onStatus?: (connected: boolean) => void): () => void {
    onStatus?.(true);
    return this.bridge.onEvent(listener);
  }

  artifactUrl(artifactId: string): string {
    return `${ARTIFACT_PROTOCOL}://artifact/${encodeURIComponent(artifactId)}`;
  }
}
