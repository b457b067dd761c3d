// Undo/redo and Enter-keeps-indentation for the artifact editor. @codemirror/commands (which has
// these) is not installed, so this is the small part of it the editor needs: edits typed in
// quick succession undo together, and undoing restores the selection as it was.
import { Annotation, ChangeSet, EditorSelection, type Extension } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';

interface Entry {
  changes: ChangeSet;
  selection: EditorSelection;
}

const fromHistory = Annotation.define<boolean>();
const GROUP_MS = 600;
const MAX_ENTRIES = 200;

export function editorHistory(): Extension {
  const undo: Entry[] = [];
  const redo: Entry[] = [];
  let lastChange = 0;

  const listener = EditorView.updateListener.of((u) => {
    for (const tr of u.transactions) {
      if (!tr.docChanged || tr.annotation(fromHistory)) continue;
      const inverse = tr.changes.invert(tr.startState.doc);
      const now = Date.now();
      const top = undo[undo.length - 1];
      if (top && now - lastChange < GROUP_MS) top.changes = inverse.compose(top.changes);
      else {
        undo.push({ changes: inverse, selection: tr.startState.selection });
        if (undo.length > MAX_ENTRIES) undo.shift();
      }
      lastChange = now;
      redo.length = 0;
    }
  });

  const step = (from: Entry[], to: Entry[]) => (view: EditorView) => {
    const entry = from.pop();
    if (!entry) return false;
    to.push({ changes: entry.changes.invert(view.state.doc), selection: view.state.selection });
    view.dispatch({ changes: entry.changes, selection: entry.selection, annotations: fromHistory.of(true), scrollIntoView: true });
    lastChange = 0;
    return true;
  };

  const newline = (view: EditorView) => {
    const { state } = view;
    const range = state.selection.main;
    const line = state.doc.lineAt(range.head);
    const indent = /^\s*/.exec(line.text)?.[0] ?? '';
    const before = state.sliceDoc(Math.max(line.from, range.from - 1), range.from);
    const extra = before === '{' || before === '[' ? '  ' : '';
    view.dispatch(state.replaceSelection('\n' + indent + extra), { scrollIntoView: true, userEvent: 'input' });
    return true;
  };

  return [
    listener,
    keymap.of([
      { key: 'Mod-z', run: step(undo, redo), preventDefault: true },
      { key: 'Mod-y', run: step(redo, undo), preventDefault: true },
      { key: 'Mod-Shift-z', run: step(redo, undo), preventDefault: true },
      { key: 'Enter', run: newline },
    ]),
  ];
}
