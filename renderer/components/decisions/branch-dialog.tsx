// The confirmation before a branch is made: the new folder, the checkpoints copied into it and
// the lineage record, from the core's preview; an optional note that travels with the lineage.
import { useId, useState, type FormEvent } from 'react';
import { branch, closeDialog, type BranchDialog as BranchDialogState } from '../../stores/decision-store';
import { Modal } from './modal';
import { PlannedWrites } from './planned-writes';

export function BranchDialog({ dialog }: { dialog: BranchDialogState }) {
  const titleId = useId();
  const noteId = useId();
  const [note, setNote] = useState('');
  const { preview, submitting, error } = dialog;
  const value = preview.status === 'ready' ? preview.value : undefined;
  const allowed = !!value?.allowed;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!allowed || submitting) return;
    void branch({ runId: dialog.runId, stageId: dialog.stageId, ...(note.trim() ? { note: note.trim() } : {}) });
  };
  return (
    <Modal labelledBy={titleId} onClose={closeDialog} testId="branch-dialog">
      <form onSubmit={onSubmit} noValidate>
        <div className="dialog-head">
          <h2 id={titleId}>Branch from {dialog.stageName}?</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={closeDialog} disabled={submitting}>
            ×
          </button>
        </div>
        <p className="dc-context">
          {dialog.runTitle}
          <span className="dc-muted"> — the original run is not changed.</span>
        </p>
        {preview.status === 'loading' ? (
          <p className="dc-muted" role="status">
            Checking what the branch will hold…
          </p>
        ) : preview.status === 'error' ? (
          <p className="dc-alert dc-alert--bad" role="alert">
            {preview.error}
          </p>
        ) : !allowed ? (
          <div className="dc-alert dc-alert--warn" role="alert" data-testid="branch-refusal">
            <strong>Cannot branch here.</strong> {value?.reason}
          </div>
        ) : (
          <>
            <PlannedWrites writes={value!.writes} heading="This will create" />
            <div className="dc-fields">
              <div className="dc-field">
                <label htmlFor={noteId}>Note (optional, kept with the lineage)</label>
                <textarea
                  id={noteId}
                  rows={2}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  disabled={submitting}
                  placeholder="Why this branch: try a shorter script, another voice…"
                />
              </div>
            </div>
          </>
        )}
        {error ? (
          <p className="dc-alert dc-alert--bad" role="alert" data-testid="branch-error">
            {error}
          </p>
        ) : null}
        <div className="dc-actions">
          <button type="button" className="button" onClick={closeDialog} disabled={submitting}>
            {allowed ? 'Cancel' : 'Close'}
          </button>
          {allowed ? (
            <button type="submit" className="button dc-confirm dc-confirm--branch" disabled={submitting} aria-busy={submitting || undefined}>
              {submitting ? 'Creating…' : 'Create branch'}
            </button>
          ) : null}
        </div>
      </form>
    </Modal>
  );
}
