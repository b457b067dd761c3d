// The transports' addresses, without zod: the renderer's HTTP and Electron transports need
// them on the first screen, the schemas of shared/api-contract.ts (which re-exports these) not.
import type { Channel } from './api-contract';

/** The HTTP transport's routes, kept beside the contract so server and client agree. */
export const HTTP_ROUTES = {
  api: (c: Channel) => `/api/${c}`,
  events: '/api/events',
  artifact: (artifactId: string) => `/artifacts/${encodeURIComponent(artifactId)}`,
} as const;

/** The Electron transport's custom protocol for artifact bytes (Range-capable). */
export const ARTIFACT_PROTOCOL = 'greenlight-artifact';
export const IPC_EVENT_CHANNEL = 'greenlight:event';
export const ipcChannel = (c: Channel) => `greenlight:${c}`;
