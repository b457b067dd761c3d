// Entry of the chunk with the run view, loaded on first use by app.tsx.
// It imports the shell as well, which it needs anyway: scripts/build.mjs says why.
import '../app';

export { RunView } from '../components/run/run-view';
