// Browser mode: the token from the page URL goes with every request (header for the API,
// query string where the browser cannot set headers: EventSource and media elements).
import type { Channel, ChannelArgs, ChannelResult, DeskEvent } from '../../shared/api-contract';
import { HTTP_ROUTES } from '../../shared/api-routes';
import { invokeHttp } from './http-invoke';
import type { Transport } from './transport';

type ParseDeskEvent = (raw: unknown) => DeskEvent | undefined;

/** Loads the frame check (and zod with it) once, on the first frame; a failed load is retried on the next. */
let checkLoading: Promise<ParseDeskEvent> | undefined;
export function loadDeskEventCheck(load: () => Promise<{ parseDeskEvent: ParseDeskEvent }> = () => import('../chunks/desk-event-check')): Promise<ParseDeskEvent> {
  checkLoading ??= load().then(
    (m) => m.parseDeskEvent,
    (err: unknown) => {
      checkLoading = undefined;
      throw err;
    },
  );
  return checkLoading;
}

export class HttpTransport implements Transport {
  readonly kind = 'browser' as const;
  constructor(
    private readonly token: string,
    private readonly base = '',
    private readonly loadCheck: () => Promise<ParseDeskEvent> = loadDeskEventCheck,
  ) {}

  invoke<C extends Channel>(channel: C, ...args: ChannelArgs<C>): Promise<ChannelResult<C>> {
    return invokeHttp(this.token, this.base, channel, args);
  }

  subscribe(listener: (e: DeskEvent) => void, onStatus?: (connected: boolean) => void): () => void {
    const source = new EventSource(`${this.base}${HTTP_ROUTES.events}?token=${encodeURIComponent(this.token)}`);
    let parse: ParseDeskEvent | undefined;
    let closed = false;
    // Frames that arrive while the check loads wait here, so they reach the stores in order.
    const pending: string[] = [];
    const deliver = (data: string) => {
      try {
        const event = parse?.(JSON.parse(data));
        if (event) listener(event);
      } catch {
        /* a malformed frame is dropped; the next snapshot refresh repairs state */
      }
    };
    const drain = () => {
      while (pending.length && !closed) deliver(pending.shift()!);
    };
    source.onopen = () => onStatus?.(true);
    source.onerror = () => onStatus?.(false);
    source.onmessage = (m: MessageEvent<string>) => {
      if (parse && !pending.length) return deliver(m.data);
      pending.push(m.data);
      if (pending.length > 1) return; // already waiting for the check
      this.loadCheck().then(
        (p) => {
          parse = p;
          drain();
        },
        // Without the check nothing unchecked reaches the stores: these frames are dropped
        // (the next snapshot refresh repairs state) and the next frame tries to load it again.
        () => {
          pending.length = 0;
        },
      );
    };
    return () => {
      closed = true;
      pending.length = 0;
      source.close();
    };
  }

  artifactUrl(artifactId: string): string {
    return `${this.base}${HTTP_ROUTES.artifact(artifactId)}?token=${encodeURIComponent(this.token)}`;
  }
}
