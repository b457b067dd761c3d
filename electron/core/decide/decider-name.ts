// Who is deciding: GREENLIGHT_USER when set (shared machines, CI), else the OS account.
import os from 'node:os';

export function deciderName(): string {
  if (process.env.GREENLIGHT_USER) return process.env.GREENLIGHT_USER;
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
