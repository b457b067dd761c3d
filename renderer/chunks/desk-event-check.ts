// Entry of the chunk with the live stream's frame check (zod), loaded on first use by transport/http-transport.ts.
// It imports the shell as well, which it needs anyway: scripts/build.mjs says why.
import '../app';

export { parseDeskEvent } from '../transport/desk-event-check';
