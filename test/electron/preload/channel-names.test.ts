import { describe, expect, it } from 'vitest';
import { apiContract, IPC_EVENT_CHANNEL, ipcChannel, type Channel } from '../../../shared/api-contract';
import { CHANNEL_NAMES, EVENT_CHANNEL_NAME, ipcChannelName } from '../../../electron/preload/channel-names';

describe('the preload’s channel list', () => {
  it('equals the contract’s channels, in order', () => {
    expect([...CHANNEL_NAMES]).toEqual(Object.keys(apiContract));
  });

  it('names IPC channels exactly as the main process does', () => {
    for (const c of CHANNEL_NAMES) expect(ipcChannelName(c)).toBe(ipcChannel(c as Channel));
    expect(EVENT_CHANNEL_NAME).toBe(IPC_EVENT_CHANNEL);
  });
});
