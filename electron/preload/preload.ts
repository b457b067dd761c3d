// The sandboxed preload: exposes window.greenlight (see shared/preload-bridge.ts) and nothing
// else. Bundled by scripts/build.mjs into one CommonJS file that requires only 'electron'.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildBridge } from './build-bridge';

contextBridge.exposeInMainWorld(
  'greenlight',
  buildBridge(ipcRenderer, (file) => webUtils.getPathForFile(file)),
);
