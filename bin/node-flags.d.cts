/** Node flags `greenlight serve` starts with (see node-flags.cjs). */
export declare const SERVE_NODE_FLAGS: string[];
