export { twinklrAdapter } from './twinklr-adapter';
export { parseTwinklrPath, twinklrGroupKey } from './file-names';
export { TW_GATE_KEY } from './parse-file';
