// The contract's channel names as plain strings. The sandboxed preload must stay one small
// CommonJS file requiring only 'electron', so it cannot pull in zod and the model through
// shared/api-contract.ts; a unit test keeps this list equal to Object.keys(apiContract).
export const CHANNEL_NAMES = [
  'getSnapshot',
  'getRun',
  'listProblems',
  'getArtifact',
  'getFile',
  'addRoot',
  'removeRoot',
  'openArtifactExternally',
  'previewDecision',
  'decide',
  'listAutoApprove',
  'setAutoApprove',
  'getEditable',
  'validateEdit',
  'saveEdit',
  'previewBranch',
  'branchRun',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** Mirrors ipcChannel() and IPC_EVENT_CHANNEL in shared/api-contract.ts (checked by the same test). */
export const ipcChannelName = (c: ChannelName) => `greenlight:${c}`;
export const EVENT_CHANNEL_NAME = 'greenlight:event';
