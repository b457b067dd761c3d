// The contract's handlers over a Desk. Both transports call these after validating the
// arguments against shared/api-contract.ts; host-specific channels (folder picking, opening a
// file with the system) are supplied by the host.
import type { ApiHandlers } from '../../../shared/api-contract';
import type { Desk } from '../desk';
import { readArtifactContent, readFileView } from './read-artifact-content';

export type HostHandlers = Pick<ApiHandlers, 'addRoot' | 'openArtifactExternally'>;

export function createDeskApi(desk: Desk, host: HostHandlers): ApiHandlers {
  return {
    getSnapshot: async () => desk.snapshot(),
    getRun: async (id) => desk.index.getRun(id) ?? null,
    listProblems: async () => desk.index.listProblems(),
    getArtifact: async (id) => readArtifactContent(desk, id),
    getFile: async (id) => readFileView(desk, id),
    addRoot: host.addRoot,
    removeRoot: async (id) => desk.removeRoot(id),
    openArtifactExternally: host.openArtifactExternally,
  };
}

/** Host handlers for browser mode, where the server's filesystem is not the user's to browse. */
export const browserHostHandlers: HostHandlers = {
  addRoot: async () => {
    throw new Error('Adding folders is not available in browser mode: start `greenlight serve <folder>` instead.');
  },
  openArtifactExternally: async () => false,
};
