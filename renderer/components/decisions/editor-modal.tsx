// Editing one artifact: CodeMirror with JSON highlighting, problems as you type (a syntax error
// at once, the family's validator ~250 ms after the last key), a required reason, the changes
// against the original, and a save that only replaces the file if it still has the revision the
// editor loaded. Earlier edits (who, when, why) are listed under it.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { EditableArtifact } from '../../../shared/decisions';
import {
  clearIssues,
  closeEditor,
  CONFLICT_TITLE,
  dropConflictDraft,
  save,
  useDecisionStore,
  validate,
  type EditorState,
} from '../../stores/decision-store';
import { formatAbsolute } from '../common/format';
import { CodeEditor, type CodeEditorHandle } from './code-editor';
import { EditChanges } from './edit-changes';
import { collectIssues, syntaxIssue, toDiagnostics, type EditIssue } from './edit-issues';
import { Modal } from './modal';

export const VALIDATE_DELAY_MS = 250;

export function EditorModal({ editor }: { editor: EditorState }) {
  const titleId = useId();
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const dirtyRef = useRef(false);
  const { load } = editor;
  const canClose = () => {
    if (editor.saving) return false;
    if (dirtyRef.current) {
      setConfirmDiscard(true);
      return false;
    }
    return true;
  };
  return (
    <Modal labelledBy={titleId} onClose={closeEditor} canClose={canClose} testId="editor-modal" className="dc-editor">
      <div className="dialog-head dc-editor__head">
        <div>
          <h2 id={titleId}>
            Edit <span className="mono">{editor.name}</span>
          </h2>
          {load.status === 'ready' && load.value ? (
            <p className="dc-editor__validator" data-testid="editor-validator">
              {load.value.validator ? (
                <>
                  Checked against <code>{load.value.validator}</code>
                </>
              ) : load.value.language === 'json' ? (
                'No validator for this artifact: only JSON syntax is checked.'
              ) : (
                'Plain text: saved as written.'
              )}
            </p>
          ) : null}
        </div>
        <button type="button" className="icon-button" aria-label="Close editor" onClick={() => canClose() && closeEditor()}>
          ×
        </button>
      </div>
      {confirmDiscard ? (
        <div className="dc-alert dc-alert--warn dc-discard" role="alert">
          <span>Close without saving? Your changes will be lost.</span>
          <button type="button" className="button" onClick={() => setConfirmDiscard(false)} data-autofocus>
            Keep editing
          </button>
          <button type="button" className="button dc-confirm--reject" onClick={() => ((dirtyRef.current = false), closeEditor())}>
            Discard changes
          </button>
        </div>
      ) : null}
      {load.status === 'loading' ? (
        <p className="dc-muted" role="status">
          Loading {editor.name}…
        </p>
      ) : load.status === 'error' ? (
        <p className="dc-alert dc-alert--bad" role="alert">
          Could not load {editor.name}: {load.error}
        </p>
      ) : !load.value ? (
        <p className="dc-alert dc-alert--warn" role="alert">
          {editor.name} cannot be edited now: it changed, is no longer in the index, or the pipeline does not allow editing it.
        </p>
      ) : (
        <EditorBody
          editor={editor}
          editable={load.value}
          onDirty={(d) => {
            dirtyRef.current = d;
          }}
        />
      )}
    </Modal>
  );
}

function EditorBody({ editor, editable, onDirty }: { editor: EditorState; editable: EditableArtifact; onDirty(dirty: boolean): void }) {
  const reasonId = useId();
  const [text, setText] = useState(editable.content);
  const [docKey, setDocKey] = useState(`${editable.revision}:0`);
  const [restoreCount, setRestoreCount] = useState(0);
  const [reason, setReason] = useState('');
  const [showChanges, setShowChanges] = useState(false);
  const handle = useRef<CodeEditorHandle | null>(null);
  const seeded = useRef(editable.revision);
  const { artifactId, issues: serverIssues, validating, saving, error, conflict } = editor;

  // A new revision (after a conflict) brings the new version into the editor.
  useEffect(() => {
    if (seeded.current === editable.revision) return;
    seeded.current = editable.revision;
    setText(editable.content);
    setDocKey(`${editable.revision}:${restoreCount}`);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editable.revision, editable.content]);

  const dirty = text !== editable.content;
  useEffect(() => {
    onDirty(dirty);
  }, [dirty, onDirty]);

  const parseError = useMemo(() => syntaxIssue(text, editable.language), [text, editable.language]);

  // The validator sees text that parses, a moment after the last change.
  useEffect(() => {
    if (parseError) {
      clearIssues(artifactId);
      return;
    }
    const timer = setTimeout(() => void validate(artifactId, text), VALIDATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [artifactId, text, parseError]);

  const issues = useMemo(() => collectIssues(text, parseError, parseError ? [] : serverIssues), [text, parseError, serverIssues]);
  const diagnostics = useMemo(() => toDiagnostics(issues), [issues]);
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;

  const blocker = !dirty
    ? 'No changes yet.'
    : errors
      ? `Fix ${errors} error${errors === 1 ? '' : 's'} first: the pipeline would reject this file.`
      : !reason.trim()
        ? 'Say why you changed it (kept in the audit log and the edit history).'
        : undefined;

  const onSave = () => {
    if (blocker || saving) return;
    void save({ artifactId, content: text, reason: reason.trim(), revision: editable.revision });
  };

  const restoreDraft = () => {
    if (!conflict) return;
    const next = restoreCount + 1;
    setRestoreCount(next);
    setText(conflict.draft);
    // Seed the editor with the draft; the revision stays the new one, so a save now is checked against it.
    setDocKey(`${editable.revision}:${next}`);
    dropConflictDraft(artifactId);
  };

  return (
    <div className="dc-editor__body">
      {conflict ? (
        <div className="dc-banner" role="alert" data-testid="editor-conflict">
          <div>
            <strong>{CONFLICT_TITLE}</strong>
            <div className="dc-banner__detail">{conflict.message.replace(/ Reopen the editor to see the new version\.$/, '')}</div>
          </div>
          <div className="dc-banner__actions">
            <button type="button" className="button" onClick={restoreDraft}>
              Put my edits back
            </button>
            <button type="button" className="button" onClick={() => dropConflictDraft(artifactId)}>
              Keep the new version
            </button>
          </div>
        </div>
      ) : null}
      <div className="dc-editor__main">
        <div className="dc-editor__pane" hidden={showChanges}>
          <CodeEditor
            docKey={docKey}
            initial={text}
            language={editable.language}
            diagnostics={diagnostics}
            label={`${editor.name} (${editable.language === 'json' ? 'JSON' : 'text'})`}
            onChange={setText}
            handleRef={handle}
          />
        </div>
        {showChanges ? (
          <div className="dc-editor__pane dc-editor__pane--changes">
            <EditChanges original={editable.content} edited={text} language={editable.language} />
          </div>
        ) : null}
      </div>
      <IssueList issues={issues} validating={validating} onReveal={(i) => i.from !== undefined && (setShowChanges(false), handle.current?.reveal(i.from, i.to))} />
      {error ? (
        <p className="dc-alert dc-alert--bad" role="alert" data-testid="editor-error">
          {error}
        </p>
      ) : null}
      <div className="dc-editor__foot">
        <div className="dc-field dc-editor__reason">
          <label htmlFor={reasonId}>Reason (required)</label>
          <input
            id={reasonId}
            type="text"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="e.g. tighten the hook, fix the budget line"
            maxLength={5000}
            disabled={saving}
            onKeyDown={(e) => {
              if (e.key === 'Enter') onSave();
            }}
          />
        </div>
        <div className="dc-editor__buttons">
          <span className="dc-editor__state" data-testid="editor-state">
            {saving ? 'Saving…' : blocker ?? (warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}; saving is allowed.` : 'Ready to save.')}
          </span>
          <button type="button" className="button" aria-pressed={showChanges} onClick={() => setShowChanges((v) => !v)} disabled={!dirty && !showChanges}>
            {showChanges ? 'Back to editing' : 'Show changes'}
          </button>
          <button type="button" className="button dc-confirm dc-confirm--approve" onClick={onSave} disabled={!!blocker || saving} aria-busy={saving || undefined}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      </div>
      <EditHistory history={editable.history} />
    </div>
  );
}

function IssueList({ issues, validating, onReveal }: { issues: readonly EditIssue[]; validating: boolean; onReveal(i: EditIssue): void }) {
  return (
    <section className="dc-issues" aria-label="Problems in the edit" data-testid="editor-issues">
      <h3 className="dc-subhead">
        Problems <span className="dc-muted">({issues.length})</span>
        {validating ? <span className="dc-muted"> · checking…</span> : null}
      </h3>
      {issues.length === 0 ? (
        <p className="dc-muted">{validating ? 'Checking…' : 'No problems found.'}</p>
      ) : (
        <ul className="dc-issues__list" aria-live="polite">
          {issues.map((i, n) => (
            <li key={`${i.field}-${n}`} className={`dc-issue dc-issue--${i.severity}`} data-testid="editor-issue">
              <span className={`dc-issue__icon dc-issue__icon--${i.severity}`} role="img" aria-label={i.severity}>
                {i.severity === 'error' ? '✕' : '!'}
              </span>
              <code className="dc-issue__field">{i.field || (i.source === 'syntax' ? 'syntax' : '(whole document)')}</code>
              <span className="dc-issue__message">{i.message}</span>
              {i.line !== undefined ? (
                <button type="button" className="link-button dc-issue__where" onClick={() => onReveal(i)}>
                  line {i.line}
                  {i.column !== undefined ? `:${i.column}` : ''}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function EditHistory({ history }: { history: EditableArtifact['history'] }) {
  if (!history.length) return <p className="dc-muted dc-history__none">No earlier edits from Greenlight.</p>;
  const newest = [...history].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <details className="dc-history" data-testid="edit-history">
      <summary>
        Earlier edits <span className="dc-muted">({history.length})</span>
      </summary>
      <ul>
        {newest.map((h, i) => (
          <li key={`${h.at}-${i}`}>
            <time dateTime={h.at}>{formatAbsolute(h.at) || h.at}</time>
            <span className="dc-muted"> by </span>
            {h.by}
            {h.reason ? <span className="dc-history__reason"> — {h.reason}</span> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
