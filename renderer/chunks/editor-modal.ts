// Entry of the chunk with the artifact editor (CodeMirror), loaded on first use by decisions/decision-layer.tsx.
// It imports the shell as well, which it needs anyway: scripts/build.mjs says why.
import '../app';

export { EditorModal } from '../components/decisions/editor-modal';
