// The contract's handlers over a Desk. Both transports call these after validating the
// arguments against shared/api-contract.ts; host-specific channels (folder picking, opening a
// file with the system) are supplied by the host.
import type { ApiHandlers } from '../../../shared/api-contract';
import type { Desk } from '../desk';
import { firstScreenOf } from './first-screen';
import { readArtifactContent, readFileView } from './read-artifact-content';
import { decideGate, previewDecision } from '../decide/decide-gate';
import { AutoApprover } from '../decide/auto-approve';
import { deciderName } from '../decide/decider-name';
import { getEditable, saveEdit, validateEdit } from '../decide/edit-artifact';
import { branchRun, openMontageBranchTree, previewBranch } from '../decide/branch-run';

export type HostHandlers = Pick<ApiHandlers, 'addRoot' | 'openArtifactExternally'>;

export function createDeskApi(desk: Desk, host: HostHandlers, opts: { by?: () => string } = {}): ApiHandlers {
  const by = opts.by ?? deciderName;
  const autoApprover = new AutoApprover(desk, by);
  return {
    getSnapshot: async (request) => (request?.firstScreen ? firstScreenOf(desk.snapshot(), request.firstScreen) : desk.snapshot()),
    getRun: async (id) => {
      const run = desk.index.getRun(id);
      if (!run) return null;
      // OpenMontage branches live in separate project folders: the tree is drawn across them.
      if (run.family === 'openmontage' && !run.branches.length) {
        const tree = openMontageBranchTree(desk.index.listRuns(), run);
        if (tree.length) return { ...run, branches: tree };
      }
      return run;
    },
    listProblems: async () => desk.index.listProblems(),
    getArtifact: async (id) => readArtifactContent(desk, id),
    getFile: async (id) => readFileView(desk, id),
    addRoot: host.addRoot,
    removeRoot: async (id) => desk.removeRoot(id),
    openArtifactExternally: host.openArtifactExternally,
    previewDecision: async (gateId, decision) => previewDecision(desk, gateId, decision, by()),
    decide: async (req) => decideGate(desk, req, by()),
    listAutoApprove: async () => autoApprover.list(),
    setAutoApprove: async ({ rootId, runId, enabled }) => autoApprover.set(rootId, runId, enabled),
    getEditable: async (id) => getEditable(desk, id),
    validateEdit: async (id, content) => validateEdit(desk, id, content),
    saveEdit: async (req) => saveEdit(desk, req, by()),
    previewBranch: async (req) => previewBranch(desk, req),
    branchRun: async (req) => branchRun(desk, req, by()),
  };
}

/** Host handlers for browser mode, where the server's filesystem is not the user's to browse. */
export const browserHostHandlers: HostHandlers = {
  addRoot: async () => {
    throw new Error('Adding folders is not available in browser mode: start `greenlight serve <folder>` instead.');
  },
  openArtifactExternally: async () => false,
};
