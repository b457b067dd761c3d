// Validates a call against the contract before any handler runs; shared by the IPC and HTTP
// transports so both refuse the same malformed input the same way.
import { apiContract, CHANNELS, type ApiHandlers, type Channel } from '../../../shared/api-contract';

export class ApiError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 500,
    message: string,
  ) {
    super(message);
  }
}

export function isChannel(name: string): name is Channel {
  return (CHANNELS as string[]).includes(name);
}

export async function dispatch(handlers: ApiHandlers, channel: string, rawArgs: unknown): Promise<unknown> {
  if (!isChannel(channel)) throw new ApiError(404, `unknown channel "${channel}"`);
  const parsed = apiContract[channel].args.safeParse(rawArgs ?? []);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError(400, `invalid arguments for ${channel}: ${issue?.path.join('.') || 'args'}: ${issue?.message}`);
  }
  const fn = handlers[channel] as (...a: unknown[]) => Promise<unknown>;
  return fn(...(parsed.data as unknown[]));
}
