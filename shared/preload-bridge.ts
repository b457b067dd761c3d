// The shape of window.greenlight that the preload exposes: one named function per contract
// channel, plus the event subscription. Typed from the contract so both sides agree.
import type { ApiHandlers, DeskEvent } from './api-contract';

export type GreenlightBridge = ApiHandlers & {
  onEvent(listener: (e: DeskEvent) => void): () => void;
  /** Drag-and-drop: the real path of a dropped folder (Electron's webUtils). */
  pathForFile(file: File): string;
};
