// A fresh copy of the bundled sample workspace for each suite, generated with a fixed clock.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
export const SAMPLE_NOW = '2026-11-20T12:00:00Z';

export function makeSampleWorkspace(): string {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'greenlight-e2e-')), 'workspace');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/make-samples.mjs'), '--out', out, '--now', SAMPLE_NOW], { stdio: 'pipe' });
  return out;
}

export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots');
