// Entry of the chunk with the markdown viewer (micromark, remark-gfm), loaded on first use by artifacts/artifact-viewer.tsx.
// It imports the shell as well, which it needs anyway: scripts/build.mjs says why.
import '../app';

export { MarkdownViewer } from '../components/artifacts/markdown-viewer';
