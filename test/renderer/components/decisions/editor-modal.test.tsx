// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { EditorView } from '@codemirror/view';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EditableArtifact } from '../../../../shared/decisions';
import { DecisionLayer } from '../../../../renderer/components/decisions/decision-layer';
import { EditArtifactButton } from '../../../../renderer/components/decisions/edit-artifact-button';
import { CONFLICT_TITLE, resetDecisions } from '../../../../renderer/stores/decision-store';
import { setTransport } from '../../../../renderer/transport/current-transport';
import type { FakeTransport } from '../../fake-transport';
import { flush } from '../../fixtures';
import { resetStores } from '../../reset-stores';
import { loadAllLazyViews } from '../../../../renderer/components/common/lazy-view';

// The views split into their own chunks (renderer/components/common/lazy-view.tsx) are loaded
// up front, so they render at once like the rest of the tree.
beforeAll(() => loadAllLazyViews());

const CONTENT = JSON.stringify({ title: 'Solar sails', sections: [{ name: 'hook', seconds: 8 }] }, null, 2);

function editable(p: Partial<EditableArtifact> = {}): EditableArtifact {
  return {
    artifactId: 'art-1',
    name: 'script',
    language: 'json',
    content: CONTENT,
    revision: 'rev-1',
    validator: 'schemas/artifacts/script.schema.json',
    history: [{ at: '2026-11-19T10:00:00Z', by: 'ana', reason: 'tighter hook', before: 'a', after: 'b' }],
    ...p,
  };
}

beforeAll(() => {
  // jsdom lays nothing out; CodeMirror measures ranges when it draws.
  const rect = { x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, toJSON: () => ({}) };
  Range.prototype.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => rect as DOMRect;
});

let t: FakeTransport;
beforeEach(() => {
  t = resetStores();
  resetDecisions();
  t.handlers.listAutoApprove = async () => [];
  t.handlers.getEditable = async () => editable();
  t.handlers.validateEdit = async (_id, text) =>
    text.includes('"seconds": -1') ? [{ field: '/sections/0/seconds', message: 'must be >= 0', severity: 'error' as const }] : [];
  t.handlers.getRun = async () => null;
});
afterEach(() => {
  cleanup();
  resetDecisions();
  setTransport(undefined);
  vi.useRealTimers();
});

function view(): EditorView {
  const host = screen.getByTestId('code-editor');
  const content = host.shadowRoot!.querySelector('.cm-content') as HTMLElement;
  return EditorView.findFromDOM(content)!;
}

function type(text: string) {
  const v = view();
  act(() => v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text } }));
}

async function openEditor() {
  render(
    <>
      <EditArtifactButton artifact={{ id: 'art-1', name: 'script', kind: 'json', role: 'canonical', source: 'inline', fileId: 'f1', pointer: '/artifacts/script', editable: true }} />
      <DecisionLayer />
    </>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Edit script' }));
  await act(flush);
  return screen.getByRole('dialog');
}

describe('the artifact editor', () => {
  it('shows the validator, the text in CodeMirror and earlier edits', async () => {
    const dialog = await openEditor();
    expect(within(dialog).getByTestId('editor-validator').textContent).toContain('schemas/artifacts/script.schema.json');
    expect(view().state.doc.toString()).toBe(CONTENT);
    expect(within(dialog).getByTestId('edit-history').textContent).toContain('ana');
    expect(within(dialog).getByTestId('edit-history').textContent).toContain('tighter hook');
  });

  it('lists a JSON syntax error at once and the validator’s issues after a pause, with field pointers', async () => {
    const dialog = await openEditor();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    type('{"title": "x",, }');
    const issues = () => within(dialog).queryAllByTestId('editor-issue');
    expect(issues()).toHaveLength(1);
    expect(issues()[0].textContent).toMatch(/Invalid JSON/);
    expect(issues()[0].textContent).toMatch(/line 1/);

    type(CONTENT.replace('"seconds": 8', '"seconds": -1'));
    expect(issues()).toHaveLength(0);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(260);
    });
    expect(issues()).toHaveLength(1);
    expect(within(issues()[0]).getByText('/sections/0/seconds')).toBeTruthy();
    expect(issues()[0].textContent).toContain('must be >= 0');
    // Placed on the field's line in the text, as a lint diagnostic.
    expect(issues()[0].textContent).toMatch(/line 6/);
    expect(within(dialog).getByTestId('editor-state').textContent).toMatch(/Fix 1 error/);
    expect(t.calls.filter((c) => c.channel === 'validateEdit').at(-1)?.args[1]).toContain('"seconds": -1');
  });

  it('needs a reason, shows the changes, and saves with the revision it loaded', async () => {
    t.handlers.saveEdit = async () => ({ status: 'written', message: 'Saved script; the original is kept.', writes: [] });
    const dialog = await openEditor();
    const save = within(dialog).getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    const edited = CONTENT.replace('"seconds": 8', '"seconds": 6');
    type(edited);
    expect(save.disabled).toBe(true);
    expect(within(dialog).getByTestId('editor-state').textContent).toMatch(/Say why/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Show changes' }));
    const changes = within(dialog).getByTestId('edit-changes');
    expect(within(changes).getByText('sections[0].seconds')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Reason (required)'), { target: { value: 'shorter hook' } });
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    fireEvent.click(save);
    await act(flush);
    expect(t.count('saveEdit')).toBe(1);
    expect(t.calls.find((c) => c.channel === 'saveEdit')?.args[0]).toEqual({ artifactId: 'art-1', content: edited, reason: 'shorter hook', revision: 'rev-1' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('on a conflict loads the new version, says nothing was written, and can put the edits back', async () => {
    let revision = 'rev-1';
    t.handlers.getEditable = async () => editable({ revision, content: revision === 'rev-1' ? CONTENT : CONTENT.replace('Solar sails', 'Solar sails v2') });
    t.handlers.saveEdit = async () => {
      revision = 'rev-2';
      return { status: 'conflict', message: 'script changed since you opened the editor, so nothing was saved.' };
    };
    const dialog = await openEditor();
    const mine = CONTENT.replace('"seconds": 8', '"seconds": 5');
    type(mine);
    fireEvent.change(within(dialog).getByLabelText('Reason (required)'), { target: { value: 'why' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await act(flush);
    await act(flush);
    const banner = within(dialog).getByTestId('editor-conflict');
    expect(banner.textContent).toContain(CONFLICT_TITLE);
    expect(view().state.doc.toString()).toContain('Solar sails v2');
    fireEvent.click(within(banner).getByRole('button', { name: 'Put my edits back' }));
    expect(view().state.doc.toString()).toBe(mine);
  });

  it('asks before closing with unsaved changes', async () => {
    const dialog = await openEditor();
    type(CONTENT.replace('8', '9'));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.getByRole('dialog')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Discard changes' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
