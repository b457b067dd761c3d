// Deciding gates, editing artifacts, branching runs and the auto-approve rules. Every action that
// writes goes through here, so the guards live in one place: one request per gate (or artifact,
// or branch) at a time, the revision the person saw travels with the decision, and every outcome
// is turned into what the person sees next (a toast, a banner, a message in the open dialog).
import { create } from 'zustand';
import type {
  AutoApproveRule,
  BranchRequest,
  DecideRequest,
  DecisionOutcome,
  DecisionPreview,
  EditRequest,
  EditableArtifact,
  ValidationIssue,
} from '../../shared/decisions';
import type { Artifact, Gate } from '../../shared/model';
import { getTransport } from '../transport/current-transport';
import { invalidateArtifacts, type Loadable } from './artifact-store';
import { refreshSnapshot, useDeskStore } from './desk-store';
import { refreshRun, useRunStore } from './run-store';
import { flash, markOwnWrites, navigate, selectInboxGate, showToast, useUiStore } from './ui-store';

export type Decision = 'approve' | 'reject';

export interface DecideDialog {
  type: 'decide';
  /** The gate as the person saw it when they asked: its revision goes with the decision. */
  gate: Gate;
  decision: Decision;
  runTitle?: string;
  /** OpenMontage proposal stage: the budget field is shown, prefilled with this estimate. */
  budget?: { estimateUsd?: number };
  preview: Loadable<DecisionPreview>;
  submitting: boolean;
  /** Why the last attempt wrote nothing (refused or failed); the dialog stays open with it. */
  error?: string;
}

export interface BranchDialog {
  type: 'branch';
  runId: string;
  rootId: string;
  stageId: string;
  stageName: string;
  runTitle: string;
  preview: Loadable<DecisionPreview>;
  submitting: boolean;
  error?: string;
}

/** Turning auto-approve on writes decisions at once, so it is confirmed first. */
export interface AutoApproveDialog {
  type: 'auto';
  rootId: string;
  runId?: string;
  /** "this run" / "folder ws-ui", for the question. */
  label: string;
  /** Gates that would be approved straight away. */
  waiting: number;
  submitting: boolean;
  error?: string;
}

export type DecisionDialog = DecideDialog | BranchDialog | AutoApproveDialog;

export interface EditorState {
  artifactId: string;
  name: string;
  kind: Artifact['kind'];
  fileId?: string;
  load: Loadable<EditableArtifact | null>;
  issues: ValidationIssue[];
  validating: boolean;
  saving: boolean;
  /** Why the last save wrote nothing (refused or failed). */
  error?: string;
  /** After a conflict the new version is loaded; the person's text is kept to restore. */
  conflict?: { message: string; draft: string };
}

export interface DecisionBanner {
  title: string;
  detail?: string;
  runId?: string;
}

interface DecisionState {
  dialog?: DecisionDialog;
  editor?: EditorState;
  banner?: DecisionBanner;
  /** Gate ids with a decision in flight (buttons everywhere are disabled meanwhile). */
  pending: Record<string, true>;
  rules: AutoApproveRule[];
  rulesStatus: 'idle' | 'loading' | 'ready' | 'error';
  rulesError?: string;
  /** "Can this stage be branched?" answers, keyed by run id + stage id + what the run looked like. */
  branchChecks: Record<string, Loadable<DecisionPreview>>;
  /** Gates decided lately (by anyone, auto-approve included), newest first, for the inbox. */
  recent: Gate[];
}

const initialState = (): DecisionState => ({
  pending: {},
  rules: [],
  rulesStatus: 'idle',
  branchChecks: {},
  recent: [],
});

export const useDecisionStore = create<DecisionState>(initialState);

export const CONFLICT_TITLE = 'The file changed since you looked at it; nothing was written — the new version is shown.';
const MAX_RECENT = 8;

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

// ---------------------------------------------------------------------------------------------
// Approve / reject

/** Why a decision cannot be taken, known without asking the core (family limits, already decided). */
export function localRefusal(gate: Gate, decision: Decision): string | undefined {
  if (gate.status !== 'waiting') {
    const by = gate.decidedBy ? ` by ${gate.decidedBy}` : '';
    return `This gate is already ${gate.status.replace(/_/g, ' ')}${by}.`;
  }
  if (!gate.decisions.includes(decision)) return gate.unavailable[decision] ?? `This pipeline cannot ${decision} here.`;
  return undefined;
}

function runTitleOf(runId: string): string | undefined {
  const open = useRunStore.getState().run;
  if (open?.id === runId) return open.title;
  return useDeskStore.getState().runs[runId]?.title;
}

function proposalBudget(gate: Gate): DecideDialog['budget'] {
  if (gate.family !== 'openmontage' || gate.stageName !== 'proposal') return undefined;
  const run = useRunStore.getState().run;
  const stage = run?.id === gate.runId ? run.stages.find((s) => s.id === gate.stageId || s.name === gate.stageName) : undefined;
  return { estimateUsd: stage?.cost?.budgetUsd ?? run?.cost?.budgetUsd };
}

/** Opens the confirmation for a decision and asks the core what it would write. */
export function openDecision(gate: Gate, decision: Decision): void {
  if (useDecisionStore.getState().pending[gate.id]) return;
  const refusal = localRefusal(gate, decision);
  const dialog: DecideDialog = {
    type: 'decide',
    gate,
    decision,
    runTitle: runTitleOf(gate.runId),
    budget: decision === 'approve' ? proposalBudget(gate) : undefined,
    preview: refusal ? { status: 'ready', value: { gateId: gate.id, allowed: false, reason: refusal, writes: [] } } : { status: 'loading' },
    submitting: false,
  };
  useDecisionStore.setState({ dialog, banner: undefined });
  if (!refusal) void preview(gate.id, decision);
}

/** What deciding would write where, or why it cannot; the open dialog for this gate shows it. */
export async function preview(gateId: string, decision: Decision): Promise<DecisionPreview | undefined> {
  const isMine = (d: DecisionDialog | undefined): d is DecideDialog => d?.type === 'decide' && d.gate.id === gateId && d.decision === decision;
  try {
    const value = await getTransport().invoke('previewDecision', gateId, decision);
    useDecisionStore.setState((s) => (isMine(s.dialog) ? { dialog: { ...s.dialog, preview: { status: 'ready', value } } } : s));
    return value;
  } catch (e) {
    const error = `Could not check what this would write: ${message(e)}`;
    useDecisionStore.setState((s) => (isMine(s.dialog) ? { dialog: { ...s.dialog, preview: { status: 'error', error } } } : s));
    return undefined;
  }
}

const deciding = new Map<string, Promise<DecisionOutcome>>();

/** Sends one decision. A second call for the same gate while one is in flight gets the same answer. */
export function decide(req: DecideRequest): Promise<DecisionOutcome> {
  const running = deciding.get(req.gateId);
  if (running) return running;
  const dialog = useDecisionStore.getState().dialog;
  const gate = dialog?.type === 'decide' && dialog.gate.id === req.gateId ? dialog.gate : findGate(req.gateId);
  // Where the inbox selection goes once this gate leaves the list (j/k, a, Enter, a…).
  const waiting = useDeskStore.getState().gates;
  const at = waiting.findIndex((g) => g.id === req.gateId);
  const neighbour = at === -1 ? undefined : (waiting[at + 1] ?? waiting[at - 1])?.id;
  useDecisionStore.setState((s) => ({
    pending: { ...s.pending, [req.gateId]: true },
    dialog: s.dialog?.type === 'decide' && s.dialog.gate.id === req.gateId ? { ...s.dialog, submitting: true, error: undefined } : s.dialog,
  }));
  markOwnWrites();
  const p = getTransport()
    .invoke('decide', req)
    .catch((e): DecisionOutcome => ({ status: 'failed', message: `The decision could not be sent: ${message(e)}. Nothing was written.` }))
    .then((outcome) => {
      afterDecision(req, gate, outcome);
      if (outcome.status === 'written' && useUiStore.getState().inboxSelection === req.gateId) selectInboxGate(neighbour);
      return outcome;
    })
    .finally(() => {
      deciding.delete(req.gateId);
      useDecisionStore.setState((s) => {
        const { [req.gateId]: _done, ...pending } = s.pending;
        void _done;
        return { pending };
      });
    });
  deciding.set(req.gateId, p);
  return p;
}

function findGate(gateId: string): Gate | undefined {
  return useDeskStore.getState().gates.find((g) => g.id === gateId) ?? useRunStore.getState().run?.gates.find((g) => g.id === gateId);
}

function afterDecision(req: DecideRequest, gate: Gate | undefined, outcome: DecisionOutcome): void {
  const mine = (d: DecisionDialog | undefined) => d?.type === 'decide' && d.gate.id === req.gateId;
  const openRun = useRunStore.getState().run;
  const runId = gate?.runId;
  if (outcome.status === 'written') {
    useDecisionStore.setState((s) => (mine(s.dialog) ? { dialog: undefined } : s));
    const verb = req.decision === 'approve' ? 'Approved' : 'Rejected';
    // Short: the file-change toasts that follow say which files were written.
    const what = gate ? `${runId && runTitleOf(runId) ? `${runTitleOf(runId)} · ` : ''}${gate.title}` : outcome.message;
    showToast(`${verb}: ${what}`);
    flash([req.gateId, ...(runId ? [runId] : [])]);
    if (openRun && runId && openRun.id === runId) void refreshRun();
    return;
  }
  if (outcome.status === 'conflict') {
    // The core re-read the file; show the new version and let the person decide again.
    useDecisionStore.setState((s) => ({
      dialog: mine(s.dialog) ? undefined : s.dialog,
      banner: { title: CONFLICT_TITLE, detail: outcome.message, runId },
    }));
    if (gate?.fileId) invalidateArtifacts([gate.fileId]);
    if (openRun && runId && openRun.id === runId) void refreshRun();
    void refreshSnapshot();
    return;
  }
  useDecisionStore.setState((s) =>
    mine(s.dialog) ? { dialog: { ...(s.dialog as DecideDialog), submitting: false, error: outcome.message } } : { banner: { title: outcome.message, runId } },
  );
}

export function closeDialog(): void {
  const d = useDecisionStore.getState().dialog;
  if (d && d.submitting) return; // the answer is on its way; closing now would hide it
  useDecisionStore.setState({ dialog: undefined });
}

export function dismissBanner(): void {
  useDecisionStore.setState({ banner: undefined });
}

// ---------------------------------------------------------------------------------------------
// Branching

export function branchKey(runId: string, stageId: string, version = ''): string {
  return `${runId}\u0000${stageId}\u0000${version}`;
}

/**
 * What branching from a stage would create, or why it cannot. With `checkKey` the answer is
 * also kept as the stage's "can it branch?" state, so the button can show the reason instead.
 */
export async function previewBranch(req: BranchRequest, checkKey?: string): Promise<DecisionPreview | undefined> {
  if (checkKey) useDecisionStore.setState((s) => ({ branchChecks: { ...s.branchChecks, [checkKey]: { status: 'loading' } } }));
  const isMine = (d: DecisionDialog | undefined): d is BranchDialog => d?.type === 'branch' && d.runId === req.runId && d.stageId === req.stageId;
  try {
    const value = await getTransport().invoke('previewBranch', req);
    useDecisionStore.setState((s) => ({
      dialog: isMine(s.dialog) ? { ...s.dialog, preview: { status: 'ready', value } } : s.dialog,
      branchChecks: checkKey ? { ...s.branchChecks, [checkKey]: { status: 'ready', value } } : s.branchChecks,
    }));
    return value;
  } catch (e) {
    const error = `Could not check what branching would create: ${message(e)}`;
    useDecisionStore.setState((s) => ({
      dialog: isMine(s.dialog) ? { ...s.dialog, preview: { status: 'error', error } } : s.dialog,
      branchChecks: checkKey ? { ...s.branchChecks, [checkKey]: { status: 'error', error } } : s.branchChecks,
    }));
    return undefined;
  }
}

export function openBranch(target: { runId: string; rootId: string; runTitle: string; stageId: string; stageName: string }): void {
  useDecisionStore.setState({ dialog: { type: 'branch', ...target, preview: { status: 'loading' }, submitting: false } });
  void previewBranch({ runId: target.runId, stageId: target.stageId });
}

let branching: Promise<DecisionOutcome> | undefined;

export function branch(req: BranchRequest): Promise<DecisionOutcome> {
  if (branching) return branching;
  const dialog = useDecisionStore.getState().dialog;
  const rootId = dialog?.type === 'branch' ? dialog.rootId : useDeskStore.getState().runs[req.runId]?.rootId;
  const mine = (d: DecisionDialog | undefined) => d?.type === 'branch' && d.runId === req.runId;
  useDecisionStore.setState((s) => (mine(s.dialog) ? { dialog: { ...(s.dialog as BranchDialog), submitting: true, error: undefined } } : s));
  markOwnWrites();
  branching = getTransport()
    .invoke('branchRun', req)
    .catch((e): DecisionOutcome => ({ status: 'failed', message: `The branch could not be made: ${message(e)}. Nothing was written.` }))
    .then((outcome) => {
      if (outcome.status === 'written') {
        // A new branch changes the next branch's name, so every answer for this run is stale.
        useDecisionStore.setState((s) => ({
          dialog: mine(s.dialog) ? undefined : s.dialog,
          branchChecks: Object.fromEntries(Object.entries(s.branchChecks).filter(([k]) => !k.startsWith(`${req.runId}\u0000`))),
        }));
        showToast(outcome.message);
        const folder = outcome.writes.find((w) => w.action === 'create' && w.target.endsWith('/'))?.target.replace(/\/+$/, '');
        if (rootId && folder) followNewRun(rootId, folder);
      } else {
        const text = outcome.status === 'conflict' ? `${CONFLICT_TITLE} ${outcome.message}` : outcome.message;
        useDecisionStore.setState((s) => (mine(s.dialog) ? { dialog: { ...(s.dialog as BranchDialog), submitting: false, error: text } } : { banner: { title: text } }));
      }
      return outcome;
    })
    .finally(() => {
      branching = undefined;
    });
  return branching;
}

const FOLLOW_MS = 15_000;

/** Opens the new branch's run as soon as the index has it; the runs list if it takes too long. */
export function followNewRun(rootId: string, folder: string): void {
  const find = () => Object.values(useDeskStore.getState().runs).find((r) => r.rootId === rootId && r.folder === folder);
  const go = (id: string) => {
    navigate({ name: 'run', runId: id });
    flash([id]);
  };
  const now = find();
  if (now) return go(now.id);
  let done = false;
  const stop = useDeskStore.subscribe(() => {
    const r = find();
    if (r && !done) {
      done = true;
      stop();
      clearTimeout(timer);
      go(r.id);
    }
  });
  const timer = setTimeout(() => {
    if (done) return;
    done = true;
    stop();
    showToast(`${folder} will appear in Runs once it is indexed`);
    navigate({ name: 'runs' });
  }, FOLLOW_MS);
}

// ---------------------------------------------------------------------------------------------
// Auto-approve

export async function loadRules(): Promise<AutoApproveRule[] | undefined> {
  useDecisionStore.setState((s) => ({ rulesStatus: s.rulesStatus === 'ready' ? 'ready' : 'loading' }));
  try {
    const rules = await getTransport().invoke('listAutoApprove');
    useDecisionStore.setState({ rules, rulesStatus: 'ready', rulesError: undefined });
    return rules;
  } catch (e) {
    useDecisionStore.setState({ rulesStatus: 'error', rulesError: message(e) });
    return undefined;
  }
}

let settingRule: Promise<AutoApproveRule[] | undefined> | undefined;

export function setRule(req: { rootId: string; runId?: string; enabled: boolean }): Promise<AutoApproveRule[] | undefined> {
  if (settingRule) return settingRule;
  const mine = (d: DecisionDialog | undefined) => d?.type === 'auto' && d.rootId === req.rootId && d.runId === req.runId;
  useDecisionStore.setState((s) => (mine(s.dialog) ? { dialog: { ...(s.dialog as AutoApproveDialog), submitting: true, error: undefined } } : s));
  markOwnWrites();
  settingRule = getTransport()
    .invoke('setAutoApprove', req.runId ? { rootId: req.rootId, runId: req.runId, enabled: req.enabled } : { rootId: req.rootId, enabled: req.enabled })
    .then(
      (rules) => {
        useDecisionStore.setState((s) => ({ rules, rulesStatus: 'ready', rulesError: undefined, dialog: mine(s.dialog) ? undefined : s.dialog }));
        showToast(`Auto-approve ${req.enabled ? 'on' : 'off'} for ${req.runId ? 'this run' : 'the folder'}`);
        return rules;
      },
      (e: unknown) => {
        const error = `Could not change auto-approve: ${message(e)}`;
        useDecisionStore.setState((s) => (mine(s.dialog) ? { dialog: { ...(s.dialog as AutoApproveDialog), submitting: false, error } } : { rulesError: error }));
        if (!mine(useDecisionStore.getState().dialog)) showToast(error);
        return undefined;
      },
    )
    .finally(() => {
      settingRule = undefined;
    });
  return settingRule;
}

/** Off is immediate; on asks first, since it approves the waiting gates at once. */
export function requestRule(req: { rootId: string; runId?: string; enabled: boolean; label: string; waiting: number }): void {
  if (!req.enabled) {
    void setRule(req);
    return;
  }
  useDecisionStore.setState({ dialog: { type: 'auto', rootId: req.rootId, runId: req.runId, label: req.label, waiting: req.waiting, submitting: false } });
}

// ---------------------------------------------------------------------------------------------
// Editing artifacts

export function openEditor(artifact: Pick<Artifact, 'id' | 'name' | 'kind' | 'fileId'>): void {
  useDecisionStore.setState({
    editor: { artifactId: artifact.id, name: artifact.name, kind: artifact.kind, fileId: artifact.fileId, load: { status: 'loading' }, issues: [], validating: false, saving: false },
  });
  void loadEditable(artifact.id);
}

export function closeEditor(): void {
  if (useDecisionStore.getState().editor?.saving) return;
  validationSeq += 1;
  useDecisionStore.setState({ editor: undefined });
}

function patchEditor(artifactId: string, patch: Partial<EditorState>): void {
  useDecisionStore.setState((s) => (s.editor?.artifactId === artifactId ? { editor: { ...s.editor, ...patch } } : s));
}

export async function loadEditable(artifactId: string): Promise<EditableArtifact | null> {
  try {
    const value = await getTransport().invoke('getEditable', artifactId);
    patchEditor(artifactId, { load: { status: 'ready', value } });
    return value;
  } catch (e) {
    patchEditor(artifactId, { load: { status: 'error', error: message(e) } });
    return null;
  }
}

let validationSeq = 0;

/** Checks a draft with the artifact's validator; only the latest answer is kept. */
export async function validate(artifactId: string, content: string): Promise<ValidationIssue[] | undefined> {
  const mine = ++validationSeq;
  patchEditor(artifactId, { validating: true });
  try {
    const issues = await getTransport().invoke('validateEdit', artifactId, content);
    if (mine === validationSeq) patchEditor(artifactId, { issues, validating: false });
    return issues;
  } catch (e) {
    if (mine === validationSeq)
      patchEditor(artifactId, { issues: [{ field: '', message: `Could not validate: ${message(e)}`, severity: 'warning' }], validating: false });
    return undefined;
  }
}

/** Local problems (a JSON syntax error) make server answers for older text irrelevant. */
export function clearIssues(artifactId: string): void {
  validationSeq += 1;
  patchEditor(artifactId, { issues: [], validating: false });
}

let saving: Promise<DecisionOutcome> | undefined;

export function save(req: EditRequest): Promise<DecisionOutcome> {
  if (saving) return saving;
  const editor = useDecisionStore.getState().editor;
  const fileId = editor?.artifactId === req.artifactId ? editor.fileId : undefined;
  patchEditor(req.artifactId, { saving: true, error: undefined });
  markOwnWrites();
  saving = getTransport()
    .invoke('saveEdit', req)
    .catch((e): DecisionOutcome => ({ status: 'failed', message: `The edit could not be sent: ${message(e)}. Nothing was written.` }))
    .then(async (outcome) => {
      if (outcome.status === 'written') {
        patchEditor(req.artifactId, { saving: false });
        useDecisionStore.setState((s) => (s.editor?.artifactId === req.artifactId ? { editor: undefined } : s));
        showToast(outcome.message);
        invalidateArtifacts([req.artifactId, ...(fileId ? [fileId] : [])]);
        void refreshRun();
      } else if (outcome.status === 'conflict') {
        invalidateArtifacts([req.artifactId, ...(fileId ? [fileId] : [])]);
        patchEditor(req.artifactId, { saving: false, conflict: { message: outcome.message, draft: req.content } });
        await loadEditable(req.artifactId);
        void refreshRun();
      } else {
        patchEditor(req.artifactId, { saving: false, error: outcome.message });
      }
      return outcome;
    })
    .finally(() => {
      saving = undefined;
    });
  return saving;
}

export function dropConflictDraft(artifactId: string): void {
  patchEditor(artifactId, { conflict: undefined });
}

// ---------------------------------------------------------------------------------------------
// Recently decided gates (the inbox shows them after they leave the waiting list)

let watching: (() => void) | undefined;
const toCheck = new Map<string, Set<string>>();
let checkTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Watches the waiting list: a gate that leaves it while its run stays was decided (here, in
 * another window, by the pipeline or by auto-approve); its run is fetched for who, when and why.
 */
export function watchDecidedGates(): () => void {
  if (watching) return watching;
  let prev = useDeskStore.getState();
  const stop = useDeskStore.subscribe((next) => {
    const before = prev;
    prev = next;
    if (next.gates === before.gates || !before.ready || !next.ready) return;
    const still = new Set(next.gates.map((g) => g.id));
    for (const g of before.gates) {
      if (still.has(g.id) || !next.runs[g.runId]) continue;
      const set = toCheck.get(g.runId) ?? new Set<string>();
      set.add(g.id);
      toCheck.set(g.runId, set);
    }
    if (toCheck.size && !checkTimer) checkTimer = setTimeout(checkDecided, 250);
  });
  watching = () => {
    stop();
    watching = undefined;
    if (checkTimer) clearTimeout(checkTimer);
    checkTimer = undefined;
    toCheck.clear();
  };
  return watching;
}

async function checkDecided(): Promise<void> {
  checkTimer = undefined;
  const batch = [...toCheck.entries()];
  toCheck.clear();
  for (const [runId, ids] of batch) {
    try {
      const run = await getTransport().invoke('getRun', runId);
      const decided = run?.gates.filter((g) => ids.has(g.id) && g.status !== 'waiting') ?? [];
      if (decided.length) rememberDecided(decided);
    } catch {
      /* the inbox simply does not list it; the run view still shows the decision */
    }
  }
}

export function rememberDecided(gates: readonly Gate[]): void {
  useDecisionStore.setState((s) => {
    const ids = new Set(gates.map((g) => g.id));
    return { recent: [...gates, ...s.recent.filter((g) => !ids.has(g.id))].slice(0, MAX_RECENT) };
  });
}

/** Test helper. */
export function resetDecisions(): void {
  watching?.();
  deciding.clear();
  branching = undefined;
  saving = undefined;
  settingRule = undefined;
  validationSeq = 0;
  useDecisionStore.setState(initialState(), true);
}
