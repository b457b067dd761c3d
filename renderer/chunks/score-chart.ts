// Entry of the chunk with the score chart (Recharts, d3), loaded on first use by iterations/iterations-panel.tsx.
// It imports the shell as well, which it needs anyway: scripts/build.mjs says why.
import '../app';

export { ScoreChart } from '../components/iterations/score-chart';
