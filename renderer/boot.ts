// The boot script: index.html loads it as a small module script of its own (async), which runs as
// soon as it arrives, before the app's 0.3 MB are compiled and evaluated. It asks for the inbox's
// first screen right away, so the answer is on its way while the app starts.
import { requestFirstScreenEarly } from './transport/early-first-screen';

requestFirstScreenEarly();
