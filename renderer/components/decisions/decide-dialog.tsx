// The confirmation before a gate is approved or rejected: what will be written where (from the
// core's preview), or why it cannot be; a note (required to reject: the pipeline and the next
// person need to know what to change); the approved budget for an OpenMontage proposal.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { FAMILY_LABELS } from '../../../shared/model-constants';
import { closeDialog, decide, type DecideDialog as DecideDialogState } from '../../stores/decision-store';
import { humanise } from '../common/format';
import { Modal } from './modal';
import { PlannedWrites } from './planned-writes';

export function DecideDialog({ dialog }: { dialog: DecideDialogState }) {
  const { gate, decision, preview, submitting, error, budget } = dialog;
  const titleId = useId();
  const noteId = useId();
  const budgetId = useId();
  const optionId = useId();
  const [note, setNote] = useState('');
  // Empty by default: the core then approves the proposal's own estimate.
  const [budgetText, setBudgetText] = useState('');
  const [option, setOption] = useState(gate.options?.[0] ?? '');
  const approve = decision === 'approve';
  const verb = approve ? 'Approve' : 'Reject';
  const value = preview.status === 'ready' ? preview.value : undefined;
  const allowed = !!value?.allowed;
  const budgetNumber = budgetText.trim() === '' ? undefined : Number(budgetText);
  const budgetBad = budgetNumber !== undefined && (!Number.isFinite(budgetNumber) || budgetNumber < 0);
  const noteMissing = !approve && note.trim() === '';
  const canConfirm = allowed && !submitting && !noteMissing && !budgetBad;
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  // Once the preview says it can be done: a rejection starts in its note, an approval on its
  // button (so a then Enter approves, after the writes were shown).
  useEffect(() => {
    if (!allowed) return;
    if (approve) confirmRef.current?.focus();
    else noteRef.current?.focus();
  }, [allowed, approve]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!canConfirm) return;
    void decide({
      gateId: gate.id,
      decision,
      revision: gate.revision,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(approve && budget && budgetNumber !== undefined ? { approvedBudgetUsd: budgetNumber } : {}),
      ...(approve && gate.options?.length && option ? { option } : {}),
    });
  };

  return (
    <Modal labelledBy={titleId} onClose={closeDialog} testId="decide-dialog" className={`dc-decide dc-decide--${decision}`}>
      <form onSubmit={onSubmit} noValidate>
        <div className="dialog-head">
          <h2 id={titleId}>
            {verb} {gate.title || humanise(gate.stageName)}?
          </h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={closeDialog} disabled={submitting}>
            ×
          </button>
        </div>
        <p className="dc-context">
          <span className="dc-muted">{FAMILY_LABELS[gate.family]}</span>
          {dialog.runTitle ? <span> · {dialog.runTitle}</span> : null}
          <span className="dc-muted"> · stage </span>
          <span>{humanise(gate.stageName)}</span>
        </p>
        {gate.question ? <p className="dc-question">{gate.question}</p> : null}

        {preview.status === 'loading' ? (
          <p className="dc-muted" role="status">
            Checking what this will write…
          </p>
        ) : preview.status === 'error' ? (
          <p className="dc-alert dc-alert--bad" role="alert">
            {preview.error}
          </p>
        ) : !allowed ? (
          <div className="dc-alert dc-alert--warn" role="alert" data-testid="decision-refusal">
            <strong>Cannot {decision} this gate.</strong> {value?.reason ?? 'The pipeline does not allow it now.'}
          </div>
        ) : (
          <PlannedWrites writes={value!.writes} />
        )}

        {allowed ? (
          <div className="dc-fields">
            {approve && gate.options?.length ? (
              <div className="dc-field">
                <label htmlFor={optionId}>Option</label>
                <select id={optionId} value={option} onChange={(e) => setOption(e.target.value)} disabled={submitting}>
                  {gate.options.map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            {approve && budget ? (
              <div className="dc-field">
                <label htmlFor={budgetId}>Approved budget (USD)</label>
                <input
                  id={budgetId}
                  type="number"
                  inputMode="decimal"
                  min={0}
                  step="0.01"
                  value={budgetText}
                  onChange={(e) => setBudgetText(e.target.value)}
                  disabled={submitting}
                  aria-invalid={budgetBad || undefined}
                  aria-describedby={`${budgetId}-hint`}
                  placeholder="proposal estimate"
                />
                <span id={`${budgetId}-hint`} className={budgetBad ? 'dc-hint dc-hint--bad' : 'dc-hint'}>
                  {budgetBad
                    ? 'Enter a positive amount, or leave it empty to approve the proposal’s estimate.'
                    : `Leave empty to approve the proposal’s own estimate.${budget.estimateUsd !== undefined ? ` The run’s budget is $${budget.estimateUsd.toFixed(2)}.` : ''}`}
                </span>
              </div>
            ) : null}
            <div className="dc-field">
              <label htmlFor={noteId}>{approve ? 'Note (optional)' : 'What needs to change? (required)'}</label>
              <textarea
                ref={noteRef}
                id={noteId}
                rows={3}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                disabled={submitting}
                required={!approve}
                aria-invalid={noteMissing || undefined}
                placeholder={approve ? 'Anything the pipeline or the next person should know' : 'Say what to change, so the pipeline and the next reviewer know'}
                onKeyDown={(e) => {
                  // Ctrl/Cmd+Enter confirms from the note, as in most review tools.
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) onSubmit(e);
                }}
              />
              {noteMissing ? <span className="dc-hint">A rejection needs a note.</span> : null}
            </div>
          </div>
        ) : null}

        {error ? (
          <p className="dc-alert dc-alert--bad" role="alert" data-testid="decision-error">
            {error}
          </p>
        ) : null}

        <div className="dc-actions">
          <button type="button" className="button" onClick={closeDialog} disabled={submitting}>
            {allowed ? 'Cancel' : 'Close'}
          </button>
          {allowed ? (
            <button ref={confirmRef} type="submit" className={`button dc-confirm dc-confirm--${decision}`} disabled={!canConfirm} aria-busy={submitting || undefined}>
              {submitting ? (approve ? 'Approving…' : 'Rejecting…') : verb}
            </button>
          ) : null}
        </div>
      </form>
    </Modal>
  );
}
