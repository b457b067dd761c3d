// Valid files of every family to mutate: the sample workspace (generated, as `npm run samples`
// does), the project's own test fixtures, and a few gate-protocol files written here. Each is
// classified, decoded and parsed once, so a mutation only re-parses the one file it changed.
import type { DocumentFormat } from '../../electron/core/read/read-document';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ALL_ADAPTERS } from '../../electron/core/families/all-adapters';
import type { AssembleContext, FamilyAdapter, FileContext, ParsedFile } from '../../electron/core/families/family-adapter';
import { scanTree } from '../../electron/core/index/scan-tree';
import { stableId } from '../../electron/core/index/stable-id';
import { toRel } from '../../electron/core/index/workspace-index';
import { decodeAndParse } from '../../electron/core/read/read-document';
import type { Family } from '../../shared/model';

const PROJECT = path.resolve(__dirname, '../..');
const ROOT_ID = 'fuzz-root';

export interface SeedFile {
  adapter: FamilyAdapter;
  ctx: FileContext;
  format: DocumentFormat;
  bytes: Buffer;
  data: unknown;
}

export interface SeedSet {
  root: string;
  byFamily: Map<Family, SeedFile[]>;
  /** The files of each group as parsed from the valid seeds, by group key. */
  groups: Map<string, ParsedFile[]>;
  assembleContext: AssembleContext;
  cleanup(): void;
}

const GATES: Record<string, unknown> = {
  'gates/ship-cut.gate.json': { question: 'Ship this cut?', options: ['ship', 'hold'], requested_at: '2026-11-20T10:00:00Z', timeout: 3600, default: 'hold', artifacts: ['frame.png', { name: 'notes', path: 'notes.md' }], context: { shots: 12 } },
  'gates/ship-cut.decision.json': { decision: 'ship', approved: true, decided_by: 'ada', decided_at: '2026-11-20T10:05:00Z', gate_sha256: 'a'.repeat(64) },
  'gates/plain.gate.json': { question: 'Continue?', requested_at: '2026-11-20T11:00:00Z', title: 'Plain gate', pipeline: 'batch' },
};

export async function loadSeeds(): Promise<SeedSet> {
  const base = mkdtempSync(path.join(os.tmpdir(), 'greenlight-fuzz-'));
  const root = path.join(base, 'root');
  execFileSync(process.execPath, [path.join(PROJECT, 'scripts/make-samples.mjs'), '--out', path.join(root, 'samples'), '--now', '2026-11-20T12:00:00Z'], { stdio: 'pipe' });
  cpSync(path.join(PROJECT, 'test/fixtures'), path.join(root, 'fixtures'), { recursive: true });
  for (const [rel, doc] of Object.entries(GATES)) {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, JSON.stringify(doc, null, 2));
  }
  writeFileSync(path.join(root, 'gates/frame.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));

  const byFamily = new Map<Family, SeedFile[]>();
  const groups = new Map<string, ParsedFile[]>();
  for (const abs of await scanTree(root)) {
    const rel = toRel(root, abs)!;
    const hit = classify(rel);
    if (!hit || hit.classification.format === 'none') continue;
    const format = hit.classification.format;
    const bytes = readFileSync(abs);
    const ctx: FileContext = { fileId: stableId('file', ROOT_ID, rel), rootId: ROOT_ID, rootPath: root, abs, rel, size: bytes.length, mtimeMs: 1_763_630_000_000, classification: hit.classification };
    const doc = decodeAndParse(bytes, format, bytes.length, ctx.mtimeMs, { nonFiniteAsNull: true });
    const parsed: ParsedFile = doc.ok ? { ...ctx, ...hit.adapter.parse({ ...ctx, data: doc.data, text: doc.text }) } : { ...ctx, problems: doc.problems };
    parsed.problems = doc.ok ? [...doc.problems, ...parsed.problems] : parsed.problems;
    const list = groups.get(hit.classification.groupKey) ?? [];
    list.push(parsed);
    groups.set(hit.classification.groupKey, list);
    // Files the samples break on purpose still make good seeds; only undecodable ones are skipped.
    if (!doc.ok) continue;
    const family = hit.classification.family;
    const seeds = byFamily.get(family) ?? [];
    seeds.push({ adapter: hit.adapter, ctx, format, bytes, data: doc.data });
    byFamily.set(family, seeds);
  }
  const assembleContext: AssembleContext = {
    makeId: (...parts) => stableId(ROOT_ID, ...parts),
    fileIdFor: (rootId, rel) => stableId('file', rootId, rel),
    filesOfGroup: (key) => groups.get(key) ?? [],
    now: () => Date.parse('2026-11-20T12:00:00Z'),
  };
  return { root, byFamily, groups, assembleContext, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

function classify(rel: string) {
  for (const adapter of ALL_ADAPTERS) {
    const classification = adapter.classify(rel);
    if (classification) return { adapter, classification };
  }
  return null;
}
