// Browser mode: the token from the page URL goes with every request (header for the API,
// query string where the browser cannot set headers: EventSource and media elements).
import { HTTP_ROUTES, deskEventSchema, type Channel, type ChannelArgs, type ChannelResult, type DeskEvent } from '../../shared/api-contract';
import type { Transport } from './transport';

export class HttpTransport implements Transport {
  readonly kind = 'browser' as const;
  constructor(
    private readonly token: string,
    private readonly base = '',
  ) {}

  async invoke<C extends Channel>(channel: C, ...args: ChannelArgs<C>): Promise<ChannelResult<C>> {
    const res = await fetch(this.base + HTTP_ROUTES.api(channel), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ args }),
    });
    const body = await res.json().catch(() => ({ error: `HTTP ${res.status}` }));
    if (!res.ok) throw new Error(body?.error ?? `HTTP ${res.status}`);
    return body.result as ChannelResult<C>;
  }

  subscribe(listener: (e: DeskEvent) => void, onStatus?: (connected: boolean) => void): () => void {
    const source = new EventSource(`${this.base}${HTTP_ROUTES.events}?token=${encodeURIComponent(this.token)}`);
    source.onopen = () => onStatus?.(true);
    source.onerror = () => onStatus?.(false);
    source.onmessage = (m) => {
      try {
        const parsed = deskEventSchema.safeParse(JSON.parse(m.data));
        if (parsed.success) listener(parsed.data);
      } catch {
        /* a malformed frame is dropped; the next snapshot refresh repairs state */
      }
    };
    return () => source.close();
  }

  artifactUrl(artifactId: string): string {
    return `${this.base}${HTTP_ROUTES.artifact(artifactId)}?token=${encodeURIComponent(this.token)}`;
  }
}
