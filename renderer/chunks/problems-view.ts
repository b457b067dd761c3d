// Entry of the chunk with the problems list, loaded on first use by app.tsx.
// It imports the shell as well, which it needs anyway: scripts/build.mjs says why.
import '../app';

export { ProblemsView } from '../components/problems/problems-view';
