import { describe, expect, it } from 'vitest';
import { formatDuration, formatRelative, formatSpan, formatUsd, formatWaiting } from '../../../../renderer/components/common/format';

const NOW = Date.parse('2026-03-28T12:00:00Z');

describe('format', () => {
  it('says how long a gate has waited', () => {
    expect(formatWaiting('2026-03-28T09:46:00Z', NOW)).toBe('waiting 2h 14m');
    expect(formatWaiting('2026-03-28T11:59:30Z', NOW)).toBe('waiting <1m');
    expect(formatWaiting('2026-03-25T08:00:00Z', NOW)).toBe('waiting 3d 4h');
    expect(formatWaiting(undefined, NOW)).toBe('waiting');
    expect(formatWaiting('not a date', NOW)).toBe('waiting');
  });

  it('formats spans, durations and money compactly', () => {
    expect(formatSpan(45_000)).toBe('45s');
    expect(formatSpan(14 * 60_000)).toBe('14m');
    expect(formatDuration(350)).toBe('350 ms');
    expect(formatDuration(80_000)).toBe('1m 20s');
    expect(formatDuration(2 * 3_600_000 + 3 * 60_000)).toBe('2h 3m');
    expect(formatDuration(undefined)).toBe('');
    expect(formatUsd(1.4234)).toBe('$1.42');
    expect(formatUsd(0.0008)).toBe('$0.0008');
    expect(formatUsd(0)).toBe('$0');
    expect(formatUsd(undefined)).toBe('');
  });

  it('reads times slightly ahead of the clock as just now', () => {
    expect(formatRelative('2026-03-28T12:00:10Z', NOW)).toBe('just now');
    expect(formatRelative('2026-03-28T11:55:00Z', NOW)).toBe('5m ago');
    expect(formatRelative('2026-03-28T09:00:00Z', NOW)).toBe('3h ago');
    expect(formatRelative(undefined, NOW)).toBe('—');
  });
});
