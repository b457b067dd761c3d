// Node flags for the long-running desk (`greenlight serve`), in one place: bin/greenlight.cjs
// starts node with them, and the benchmark runs its core with the same ones.
//
// --max-semi-space-size=4: the desk holds an index of tens of thousands of checkpoints for
// hours. V8 lets the young generation grow to 3 × 16 MB, mostly empty between scavenges; at
// 4 MB the resident memory after a cold index of 31,000 files is ~25 MB lower, for a few per
// cent more time in the garbage collector while the index is built.
exports.SERVE_NODE_FLAGS = ['--max-semi-space-size=4'];
