// Everything about deciding that is not tied to one place on screen: the open dialog (decide,
// branch, auto-approve), the artifact editor, the a/r keys, the auto-approve rules and the
// watcher that notices gates leaving the inbox. Mounted once by the shell.
import { useEffect, useId, type ReactNode } from 'react';
import { closeEditor, dismissBanner, loadRules, useDecisionStore, watchDecidedGates } from '../../stores/decision-store';
import type { Route } from '../../stores/route';
import { useUiStore } from '../../stores/ui-store';
import { AutoApproveDialog } from './auto-approve-dialog';
import { BranchDialog } from './branch-dialog';
import { lazyView } from '../common/lazy-view';
import { DecideDialog } from './decide-dialog';
import { Modal } from './modal';
import { useDecisionKeys } from './use-decision-keys';

// CodeMirror is the largest part of the app: the editor loads when an artifact is first edited,
// in a dialog that can be closed while it loads (or if it cannot).
const EditorModal = lazyView(() => import('../../chunks/editor-modal').then((m) => m.EditorModal), { what: 'the editor', frame: EditorLoadingFrame });

function EditorLoadingFrame({ children }: { children: ReactNode }) {
  const titleId = useId();
  return (
    <Modal labelledBy={titleId} onClose={closeEditor} testId="editor-loading">
      <div className="dialog-head">
        <h2 id={titleId}>Edit artifact</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={closeEditor}>
          ×
        </button>
      </div>
      {children}
    </Modal>
  );
}

export function DecisionLayer() {
  const dialog = useDecisionStore((s) => s.dialog);
  const editor = useDecisionStore((s) => s.editor);
  useDecisionKeys();
  useEffect(() => watchDecidedGates(), []);
  useEffect(() => {
    void loadRules();
  }, []);
  // A conflict banner belongs to the place it happened: leaving that run or list clears it.
  useEffect(
    () =>
      useUiStore.subscribe((s, prev) => {
        if (placeOf(s.route) !== placeOf(prev.route) && useDecisionStore.getState().banner) dismissBanner();
      }),
    [],
  );
  return (
    <>
      {editor ? <EditorModal key={editor.artifactId} editor={editor} /> : null}
      {dialog?.type === 'decide' ? <DecideDialog key={`${dialog.gate.id}:${dialog.decision}`} dialog={dialog} /> : null}
      {dialog?.type === 'branch' ? <BranchDialog key={`${dialog.runId}:${dialog.stageId}`} dialog={dialog} /> : null}
      {dialog?.type === 'auto' ? <AutoApproveDialog key={`${dialog.rootId}:${dialog.runId ?? ''}`} dialog={dialog} /> : null}
    </>
  );
}

function placeOf(route: Route): string {
  return route.name === 'run' ? `run:${route.runId}` : route.name;
}
