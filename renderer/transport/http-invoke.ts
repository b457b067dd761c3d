// One API call over HTTP: the token as a bearer header, the arguments as JSON, the answer's
// `result` or its `error`. Apart from HttpTransport (which also loads the live stream's zod check
// on demand), so the boot script (renderer/boot.ts) can make the same call in a few hundred bytes.
import type { Channel, ChannelArgs, ChannelResult } from '../../shared/api-contract';
import { HTTP_ROUTES } from '../../shared/api-routes';

export async function invokeHttp<C extends Channel>(token: string, base: string, channel: C, args: ChannelArgs<C>): Promise<ChannelResult<C>> {
  const res = await fetch(base + HTTP_ROUTES.api(channel), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ args }),
  });
  const body = await res.json().catch(() => ({ error: `HTTP ${res.status}` }));
  if (!res.ok) throw new Error(body?.error ?? `HTTP ${res.status}`);
  return body.result as ChannelResult<C>;
}

/** The page's token: from its URL (as `greenlight serve` printed it) or, after a reload, from this tab's storage. */
export function pageToken(): string {
  const url = new URL(globalThis.location?.href ?? 'http://127.0.0.1/');
  return url.searchParams.get('token') ?? sessionStorage.getItem('greenlight-token') ?? '';
}
