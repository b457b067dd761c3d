// Turning auto-approve on is a decision about every future gate (and the ones waiting now), so
// it is said plainly and confirmed; turning it off needs no confirmation.
import { useId } from 'react';
import { closeDialog, setRule, type AutoApproveDialog as AutoApproveDialogState } from '../../stores/decision-store';
import { Modal } from './modal';

export function AutoApproveDialog({ dialog }: { dialog: AutoApproveDialogState }) {
  const titleId = useId();
  const descId = useId();
  const { submitting, error, waiting } = dialog;
  return (
    <Modal labelledBy={titleId} describedBy={descId} onClose={closeDialog} testId="auto-approve-dialog">
      <div className="dialog-head">
        <h2 id={titleId}>Auto-approve {dialog.label}?</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={closeDialog} disabled={submitting}>
          ×
        </button>
      </div>
      <div id={descId} className="dc-body">
        <p>Every gate of {dialog.label} will be approved as soon as it waits, without asking anyone.</p>
        <p className={waiting ? 'dc-alert dc-alert--warn' : 'dc-muted'}>
          {waiting
            ? `${waiting} gate${waiting === 1 ? ' is' : 's are'} waiting now and will be approved at once.`
            : 'No gate is waiting now.'}
        </p>
        <p className="dc-muted">
          The rule is saved in the folder (<code>.greenlight/auto-approve.json</code>), so it outlives this window; each approval it makes is written to
          the audit log and marked “auto”. You can turn it off at any time.
        </p>
      </div>
      {error ? (
        <p className="dc-alert dc-alert--bad" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dc-actions">
        <button type="button" className="button" onClick={closeDialog} disabled={submitting} data-autofocus>
          Cancel
        </button>
        <button
          type="button"
          className="button dc-confirm dc-confirm--approve"
          disabled={submitting}
          onClick={() => void setRule({ rootId: dialog.rootId, runId: dialog.runId, enabled: true })}
        >
          {submitting ? 'Turning on…' : 'Turn on auto-approve'}
        </button>
      </div>
    </Modal>
  );
}
