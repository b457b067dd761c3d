// CodeMirror 6 for artifact text, mounted inside a shadow root. CodeMirror styles itself at run
// time; in a document it does so with a <style> element, which the app's CSP (style-src 'self')
// blocks, but inside a shadow root it uses a constructed stylesheet (adoptedStyleSheets), which
// CSP does not govern. Colours come from the theme's CSS variables, which cross the shadow edge.
import { useEffect, useRef } from 'react';
import { json } from '@codemirror/lang-json';
import { bracketMatching, foldGutter, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorSelection, EditorState } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { editorHistory } from './editor-history';

export interface CodeEditorHandle {
  /** Moves the cursor to a position and focuses the editor (from the issues list). */
  reveal(from: number, to?: number): void;
}

interface Props {
  /** Changing it replaces the text with `initial` (a reload after a conflict, a restored draft). */
  docKey: string;
  initial: string;
  language: 'json' | 'text';
  diagnostics: readonly Diagnostic[];
  label: string;
  onChange(text: string): void;
  handleRef?: { current: CodeEditorHandle | null };
}

const theme = EditorView.theme({
  '&': {
    height: '100%',
    color: 'var(--text)',
    backgroundColor: 'var(--surface)',
    fontSize: '12.5px',
  },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.55' },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--bg-subtle)', color: 'var(--text-faint)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--surface-hover) 70%, transparent)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--surface-hover)', color: 'var(--text-muted)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
    backgroundColor: 'var(--surface-selected)',
  },
  '.cm-matchingBracket': { backgroundColor: 'var(--green-bg)', outline: '1px solid var(--green)' },
  '.cm-nonmatchingBracket': { backgroundColor: 'var(--red-bg)' },
  '.cm-tooltip': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border-strong)', borderRadius: '4px' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--red)' },
  '.cm-diagnostic-warning': { borderLeftColor: 'var(--amber)' },
  '.cm-foldPlaceholder': { backgroundColor: 'var(--grey-bg)', border: '1px solid var(--border)', color: 'var(--text-muted)' },
});

// Theme-aware token colours (the default style is tuned for light backgrounds only).
const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--accent)' },
  { tag: tags.string, color: 'var(--green)' },
  { tag: tags.number, color: 'var(--blue)' },
  { tag: [tags.bool, tags.null], color: 'var(--amber)', fontWeight: '600' },
  { tag: [tags.separator, tags.punctuation, tags.brace, tags.squareBracket], color: 'var(--text-muted)' },
  { tag: tags.invalid, color: 'var(--red)' },
]);

export function CodeEditor({ docKey, initial, language, diagnostics, label, onChange, handleRef }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  // One view per mounted editor; a new docKey swaps the document in place (keeps focus/scroll).
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    shadow.replaceChildren();
    const mount = document.createElement('div');
    mount.className = 'gl-editor-mount';
    mount.style.height = '100%';
    shadow.appendChild(mount);
    const view = new EditorView({
      root: shadow,
      parent: mount,
      state: EditorState.create({
        doc: initial,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          foldGutter(),
          lintGutter(),
          drawSelection(),
          highlightActiveLine(),
          bracketMatching(),
          editorHistory(),
          EditorView.lineWrapping,
          language === 'json' ? [json(), syntaxHighlighting(highlight)] : [],
          theme,
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true', spellcheck: language === 'text' ? 'true' : 'false' }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) onChangeRef.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    viewRef.current = view;
    if (handleRef)
      handleRef.current = {
        reveal(from, to) {
          const max = view.state.doc.length;
          const a = Math.max(0, Math.min(from, max));
          const b = Math.max(a, Math.min(to ?? a, max));
          view.dispatch({ selection: EditorSelection.range(a, b), scrollIntoView: true });
          view.focus();
        },
      };
    return () => {
      view.destroy();
      viewRef.current = null;
      if (handleRef) handleRef.current = null;
    };
    // The view is built once per language; text changes go through docKey below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [language]);

  const firstKey = useRef(docKey);
  useEffect(() => {
    if (firstKey.current === docKey) return;
    firstKey.current = docKey;
    const view = viewRef.current;
    if (view) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: initial } });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [docKey]);

  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const max = view.state.doc.length;
    const clamped = diagnostics.map((d) => ({ ...d, from: Math.min(d.from, max), to: Math.min(Math.max(d.to, d.from), max) }));
    view.dispatch(setDiagnostics(view.state, clamped));
  }, [diagnostics]);

  return <div ref={hostRef} className="dc-editor__host" data-testid="code-editor" />;
}
