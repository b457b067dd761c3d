export { cineCutAdapter } from './cinecut-adapter';
export { locateCineCut, cineCutGroupKey } from './layout';
export { CC_GATE_KEY } from './parse-file';
export { trailerManifestSchema } from '../../../../shared/schemas/cinecut';
