// Cross-file problems of this family, under the code prefix 'av.assembly.' (see
// families/shared/assembly-problems.ts: cleared and found again on every assembly).
import { assemblyProblems } from '../shared/assembly-problems';

export const { clear: clearAssemblyProblems, add: addAssemblyProblem } = assemblyProblems('av.assembly.');
