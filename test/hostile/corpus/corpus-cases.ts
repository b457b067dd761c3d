// The hostile corpus: each entry is one malformed or booby-trapped input of one family (or of
// the file system itself), built into a temp root at test time (a 100 MB file, unreadable
// files, named pipes and newlines in names do not belong in git), with the problem the desk
// must report for it: its code, the field it names and, where it matters, its wording.
import { avExport, ccCheckpoint, gateFile, json, ocImplement, omCheckpoint, twEvaluation, twRaw } from './base-documents';
import type { CorpusCase, CorpusWriter } from './corpus-case';

const om = (project: string, stage = 'script') => `openmontage/projects/${project}/checkpoint_${stage}.json`;
const tw = (id: string) => `twinklr/${id}/checkpoints/plans/${id.replace(/-/g, '_')}_a3f9b2c1_iter01_evaluation.json`;
let ocSerial = 0;
/** OmniClaude run folders are ticket/<uuid>; each case gets its own. */
const oc = (id: string) => {
  const n = String(++ocSerial).padStart(12, '0');
  return { rel: `omniclaude/checkpoints/HOST-${ocSerial}/00000000-0000-4000-8000-${n}/phase_1_implement_a1.yaml`, ticket: `HOST-${ocSerial}`, runId: `00000000-0000-4000-8000-${n}`, id };
};
const cc = (id: string) => `cinecut/films/${id.replace(/-/g, '_')}_cinecut_work/pipeline_checkpoint.json`;
const av = (id: string) => `aivideo/${id}.aivideo.json`;
const gate = (id: string) => `gates/${id}.gate.json`;

const enc = (s: string) => Buffer.from(s, 'utf8');
const truncate = (s: string, keep = 0.6) => s.slice(0, Math.floor(s.length * keep));
const workAbs = (w: CorpusWriter, rel: string) => `${w.root}/${rel.slice(0, rel.lastIndexOf('/'))}`;
/** A PNG header followed by bytes that are neither text nor JSON. */
const BINARY = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256))]);
const DEEP_JSON = (n: number) => '{"version": "1.0", "artifacts": ' + '['.repeat(n) + ']'.repeat(n) + '}';
const ALIAS_BOMB = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]', 'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]', 'f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]'].join('\n');

const ocCases = (): CorpusCase[] => {
  const mk = (id: string, hostile: string, text: (t: ReturnType<typeof oc>) => string | Uint8Array, expect: CorpusCase['expect']): CorpusCase => {
    const t = oc(id);
    return { id, family: 'omniclaude', hostile, rel: t.rel, build: (w) => void w.write(t.rel, text(t)), expect };
  };
  return [
    mk('oc-alias-bomb', 'YAML "billion laughs" alias bomb', () => ALIAS_BOMB, { problems: [{ code: 'yaml.alias_limit', field: '', message: /aliases/ }] }),
    mk('oc-duplicate-keys', 'the same key twice in a mapping', (t) => ocImplement(t.ticket, t.runId) + 'phase: local_review\n', { problems: [{ code: 'yaml.duplicate_key', field: '/phase', message: /line 17, column 1: the key "phase" appears twice/ }] }),
    mk('oc-unterminated-quote', 'a quoted scalar that never ends', (t) => ocImplement(t.ticket, t.runId).replace("timestamp_utc: '2026", "timestamp_utc: '\n2026").replace(/'\n/, '\n'), { problems: [{ code: 'yaml.syntax', message: /line \d+/ }] }),
    mk('oc-deep-nesting', '100,000 levels of flow sequences', () => 'phase: ' + '['.repeat(100000) + ']'.repeat(100000) + '\n', { problems: [{ code: 'yaml.too_deep', field: '' }] }),
    mk('oc-wrong-types', 'attempt_number a word, repo_commit_map a list', (t) => ocImplement(t.ticket, t.runId).replace('attempt_number: 1', 'attempt_number: one').replace('repo_commit_map:\n  acme-web: 217650dd79862d2c0b788de57e7feb558dfcf044', 'repo_commit_map: [a, b]'), {
      problems: [{ code: 'oc.type', field: '/attempt_number', message: /whole number/ }, { code: 'oc.type', field: '/repo_commit_map', message: /mapping/ }],
      runShown: true,
    }),
    mk('oc-extra-key', 'a header key the Pydantic model forbids', (t) => ocImplement(t.ticket, t.runId, 'injected_by_agent: true'), { problems: [{ code: 'schema.unknown_key', field: '/injected_by_agent', message: /forbids extra keys/ }], runShown: true }),
    mk('oc-missing-keys', 'only the phase is present', () => 'phase: implement\n', { problems: [{ code: 'oc.missing_field', field: '/run_id' }, { code: 'oc.missing_field', field: '/ticket_id' }, { code: 'oc.missing_field', field: '/timestamp_utc' }], runShown: true }),
    mk('oc-naive-timestamp', 'timestamp_utc without a zone', (t) => ocImplement(t.ticket, t.runId).replace("'2026-11-20T10:09:46.678934Z'", "'2026-11-20T10:09:46'"), { problems: [{ code: 'oc.naive_timestamp', field: '/timestamp_utc', message: /no time zone/ }], runShown: true }),
    mk('oc-far-future-timestamp', 'timestamp_utc in the year 9999', (t) => ocImplement(t.ticket, t.runId).replace("'2026-11-20T10:09:46.678934Z'", "'9999-12-31T23:59:59Z'"), { problems: [{ code: 'oc.future_timestamp', field: '/timestamp_utc' }], runShown: true }),
    mk('oc-dotdot-artifact', 'an artifact path climbing out with ..', (t) => ocImplement(t.ticket, t.runId).replace('- docs/changes/notes.md', '- ../../../../etc/passwd'), { problems: [{ code: 'oc.dotdot_artifact_path', field: '/artifact_paths/0', message: /does not follow it/ }], runShown: true }),
    mk('oc-absolute-artifact', 'an absolute artifact path', (t) => ocImplement(t.ticket, t.runId).replace('- docs/changes/notes.md', '- /etc/passwd'), { problems: [{ code: 'oc.absolute_artifact_path', field: '/artifact_paths/0', message: /does not follow it/ }], runShown: true }),
    mk('oc-proto-key', '__proto__ and constructor keys', (t) => ocImplement(t.ticket, t.runId, '__proto__:\n  polluted: true\nconstructor:\n  prototype:\n    polluted: true'), {
      problems: [{ code: 'schema.unknown_key', field: '/__proto__' }, { code: 'schema.unknown_key', field: '/constructor' }],
      runShown: true,
    }),
    mk('oc-binary', 'binary bytes in a .yaml file', () => BINARY, { problems: [{ code: 'file.binary', field: '' }] }),
    mk('oc-empty', 'an empty file', () => '', { problems: [{ code: 'file.empty', field: '' }] }),
    mk('oc-not-a-mapping', 'a bare scalar instead of a mapping', () => 'just some words\n', { problems: [{ code: 'oc.not_a_mapping', field: '' }] }),
  ];
};

export function corpusCases(): CorpusCase[] {
  ocSerial = 0;
  const omText = (project: string, over: Record<string, unknown> = {}) => json(omCheckpoint(project, over));
  return [
    // ---- OpenMontage ---------------------------------------------------------------------
    { id: 'om-empty', family: 'openmontage', hostile: 'an empty checkpoint (0 bytes)', rel: om('om-empty'), build: (w) => void w.write(om('om-empty'), ''), expect: { problems: [{ code: 'file.empty', field: '', severity: 'error' }] } },
    {
      id: 'om-truncated',
      family: 'openmontage',
      hostile: 'a checkpoint cut off mid-write',
      rel: om('om-truncated'),
      build: (w) => void w.write(om('om-truncated'), truncate(omText('om-truncated'))),
      expect: { problems: [{ code: 'json.truncated', field: '', message: /line \d+, column \d+/ }] },
    },
    {
      id: 'om-wrong-types',
      family: 'openmontage',
      hostile: 'status a number, human_approved a string',
      rel: om('om-wrong-types'),
      build: (w) => void w.write(om('om-wrong-types'), omText('om-wrong-types', { status: 7, human_approved: 'yes' })),
      expect: { problems: [{ code: 'om.unknown_status', field: '/status', message: /must be a string/ }, { code: 'schema.invalid_type', field: '/human_approved', message: /expected boolean/ }], runShown: true },
    },
    {
      id: 'om-missing-keys',
      family: 'openmontage',
      hostile: 'stage, status and timestamp missing',
      rel: om('om-missing-keys'),
      build: (w) => void w.write(om('om-missing-keys'), json({ version: '1.0', project_id: 'om-missing-keys' })),
      expect: { problems: [{ code: 'schema.required', field: '/stage' }, { code: 'schema.required', field: '/status' }, { code: 'schema.required', field: '/timestamp' }], runShown: true },
    },
    {
      id: 'om-extra-keys',
      family: 'openmontage',
      hostile: 'keys the writer never writes',
      rel: om('om-extra-keys'),
      build: (w) => void w.write(om('om-extra-keys'), omText('om-extra-keys', { injected: { by: 'agent' }, status_override: 'completed' })),
      expect: { problems: [{ code: 'om.unknown_key', field: '/injected', message: /additionalProperties/ }, { code: 'om.unknown_key', field: '/status_override' }], runShown: true },
    },
    {
      id: 'om-100mb',
      family: 'openmontage',
      hostile: 'a 100 MB checkpoint',
      rel: om('om-100mb'),
      build: (w) => w.sparse(om('om-100mb'), omText('om-100mb').slice(0, -2) + ', "padding": "', 100 * 1024 * 1024),
      expect: { problems: [{ code: 'file.too_large', field: '', message: /100\.0 MB/ }] },
    },
    { id: 'om-deep-nesting', family: 'openmontage', hostile: '100,000 levels of nested arrays', rel: om('om-deep-nesting'), build: (w) => void w.write(om('om-deep-nesting'), DEEP_JSON(100000)), expect: { problems: [{ code: 'json.too_deep', field: '' }] } },
    { id: 'om-binary', family: 'openmontage', hostile: 'PNG bytes named .json', rel: om('om-binary'), build: (w) => void w.write(om('om-binary'), BINARY), expect: { problems: [{ code: 'file.binary', field: '' }] } },
    {
      id: 'om-utf8-bom',
      family: 'openmontage',
      hostile: 'a UTF-8 byte-order mark',
      rel: om('om-utf8-bom'),
      build: (w) => void w.write(om('om-utf8-bom'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), enc(omText('om-utf8-bom'))])),
      expect: { problems: [{ code: 'encoding.bom', field: '', severity: 'warning' }], runShown: true },
    },
    {
      id: 'om-utf16le-bom',
      family: 'openmontage',
      hostile: 'UTF-16LE with a byte-order mark',
      rel: om('om-utf16le-bom'),
      build: (w) => void w.write(om('om-utf16le-bom'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(omText('om-utf16le-bom'), 'utf16le')])),
      expect: { problems: [{ code: 'encoding.utf16', severity: 'warning', message: /little-endian/ }], runShown: true },
    },
    {
      id: 'om-utf16be-no-bom',
      family: 'openmontage',
      hostile: 'UTF-16BE without a byte-order mark',
      rel: om('om-utf16be-no-bom'),
      build: (w) => void w.write(om('om-utf16be-no-bom'), Buffer.from(omText('om-utf16be-no-bom'), 'utf16le').swap16()),
      expect: { problems: [{ code: 'encoding.utf16', severity: 'warning', message: /big-endian\) without a byte-order mark/ }], runShown: true },
    },
    {
      id: 'om-invalid-utf8',
      family: 'openmontage',
      hostile: 'bytes that are not UTF-8 (Latin-1 é)',
      rel: om('om-invalid-utf8'),
      build: (w) => void w.write(om('om-invalid-utf8'), Buffer.from(omText('om-invalid-utf8', { review: { summary: 'caf\u00e9' } }), 'latin1')),
      expect: { problems: [{ code: 'encoding.invalid_utf8', field: '', message: /offset \d+/ }] },
    },
    {
      id: 'om-duplicate-keys',
      family: 'openmontage',
      hostile: '"status" twice (JSON.parse keeps the last silently)',
      rel: om('om-duplicate-keys'),
      build: (w) => void w.write(om('om-duplicate-keys'), omText('om-duplicate-keys').replace('"status": "awaiting_human",', '"status": "completed",\n  "status": "awaiting_human",')),
      expect: { problems: [{ code: 'json.duplicate_key', field: '/status', severity: 'warning', message: /"status"/ }], runShown: true },
    },
    {
      id: 'om-proto-keys',
      family: 'openmontage',
      hostile: '__proto__ and constructor keys at several depths',
      rel: om('om-proto-keys'),
      build: (w) =>
        void w.write(
          om('om-proto-keys'),
          omText('om-proto-keys')
            .replace('{\n', '{\n  "__proto__": {"polluted": true, "status": "completed"},\n  "constructor": {"prototype": {"polluted": true}},\n')
            .replace('"artifacts": {', '"artifacts": {\n    "__proto__": {"polluted": true},'),
        ),
      expect: { problems: [{ code: 'om.unknown_key', field: '/__proto__' }, { code: 'om.unknown_key', field: '/constructor' }], runShown: true },
    },
    {
      id: 'om-nan',
      family: 'openmontage',
      hostile: 'NaN where a score goes (Python json.dump writes it)',
      rel: om('om-nan'),
      build: (w) => void w.write(om('om-nan'), omText('om-nan').replace('"hook_power": 4', '"hook_power": NaN')),
      expect: { problems: [{ code: 'json.non_finite', field: '/review/scores/hook_power', message: /NaN is not valid JSON/ }], runShown: true },
    },
    {
      id: 'om-infinity',
      family: 'openmontage',
      hostile: 'Infinity and -Infinity in the cost snapshot',
      rel: om('om-infinity'),
      build: (w) => void w.write(om('om-infinity'), omText('om-infinity', { cost_snapshot: { spent_usd: 0, budget_usd: 0 } }).replace('"spent_usd": 0', '"spent_usd": Infinity').replace('"budget_usd": 0', '"budget_usd": -Infinity')),
      expect: {
        problems: [
          { code: 'json.non_finite', field: '/cost_snapshot/spent_usd', message: /^Infinity/ },
          { code: 'json.non_finite', field: '/cost_snapshot/budget_usd', message: /^-Infinity/ },
        ],
        runShown: true,
      },
    },
    {
      id: 'om-naive-timestamp',
      family: 'openmontage',
      hostile: 'a timestamp without a zone',
      rel: om('om-naive-timestamp'),
      build: (w) => void w.write(om('om-naive-timestamp'), omText('om-naive-timestamp', { timestamp: '2026-11-20T10:00:00' })),
      expect: { problems: [{ code: 'om.naive_timestamp', field: '/timestamp', severity: 'warning' }], runShown: true },
    },
    {
      id: 'om-far-future-timestamp',
      family: 'openmontage',
      hostile: 'a timestamp in the year 9999',
      rel: om('om-far-future-timestamp'),
      build: (w) => void w.write(om('om-far-future-timestamp'), omText('om-far-future-timestamp', { timestamp: '9999-12-31T23:59:59+00:00' })),
      expect: { problems: [{ code: 'om.future_timestamp', field: '/timestamp', message: /in the future/ }], runShown: true },
    },
    {
      id: 'om-timestamp-beyond-date-range',
      family: 'openmontage',
      hostile: 'a year JavaScript dates cannot hold (+275760)',
      rel: om('om-timestamp-beyond-date-range'),
      build: (w) => void w.write(om('om-timestamp-beyond-date-range'), omText('om-timestamp-beyond-date-range', { timestamp: '+275760-09-13T00:00:01Z' })),
      expect: { problems: [{ code: 'om.bad_timestamp', field: '/timestamp' }], runShown: true },
    },
    {
      id: 'om-dotdot-artifact',
      family: 'openmontage',
      hostile: 'an artifact path climbing out with ..',
      rel: om('om-dotdot-artifact'),
      build: (w) => void w.write(om('om-dotdot-artifact'), omText('om-dotdot-artifact', { artifacts: { script: '../../../../../etc/passwd.json' } })),
      expect: { problems: [{ code: 'om.artifact_path_escapes', field: '/artifacts/script', message: /climbs out/ }], runShown: true },
    },
    {
      id: 'om-absolute-artifact',
      family: 'openmontage',
      hostile: 'an absolute artifact path',
      rel: om('om-absolute-artifact'),
      build: (w) => void w.write(om('om-absolute-artifact'), omText('om-absolute-artifact', { artifacts: { script: '/etc/passwd.json' } })),
      expect: { problems: [{ code: 'om.artifact_path_escapes', field: '/artifacts/script', message: /absolute/ }], runShown: true },
    },
    {
      id: 'om-symlinked-artifact-out',
      family: 'openmontage',
      hostile: 'an artifact file that is a symlink leading out of the root',
      rel: om('om-symlinked-artifact-out'),
      build: (w) => {
        w.write(om('om-symlinked-artifact-out'), omText('om-symlinked-artifact-out', { artifacts: { script: 'artifacts/script.json' } }));
        w.symlink(w.writeOutside('secret-script.json', '{"secret": true}'), 'openmontage/projects/om-symlinked-artifact-out/artifacts/script.json');
      },
      expect: { problems: [{ code: 'om.artifact_path_escapes', field: '/artifacts/script', message: /symbolic link/ }], runShown: true },
    },
    { id: 'om-space-in-name', family: 'openmontage', hostile: 'a project folder name with spaces', rel: om('tide pools 2'), build: (w) => void w.write(om('tide pools 2'), omText('tide pools 2')), expect: { problems: [], runShown: true } },
    { id: 'om-unicode-name', family: 'openmontage', hostile: 'a project folder name in several scripts and an emoji', rel: om('marée-潮汐-🌊'), build: (w) => void w.write(om('marée-潮汐-🌊'), omText('marée-潮汐-🌊')), expect: { problems: [], runShown: true } },
    { id: 'om-newline-name', family: 'openmontage', hostile: 'a project folder name with a newline', rel: om('line\nbreak'), build: (w) => void w.write(om('line\nbreak'), omText('line\nbreak')), expect: { problems: [], runShown: true } },
    {
      id: 'om-checkpoint-symlink-out',
      family: 'openmontage',
      hostile: 'a checkpoint that is a symlink to a file outside the root',
      rel: om('om-checkpoint-symlink-out'),
      build: (w) => {
        w.mkdir('openmontage/projects/om-checkpoint-symlink-out');
        w.symlink(w.writeOutside('checkpoint_script.json', omText('outside')), om('om-checkpoint-symlink-out'));
      },
      expect: { notice: /symbolic link leads outside the watched folder/, ignored: true },
    },
    {
      id: 'om-unreadable-file',
      family: 'openmontage',
      hostile: 'a checkpoint nobody may read (chmod 000)',
      rel: om('om-unreadable-file'),
      build: (w) => void w.write(om('om-unreadable-file'), omText('om-unreadable-file')),
      needsEnforcedPermissions: { chmod: 0o000 },
      expect: { problems: [{ code: 'file.eacces', field: '', message: /permission denied/ }] },
    },
    { id: 'om-vanishes-mid-read', family: 'openmontage', hostile: 'a checkpoint deleted between the scan and the read', rel: om('om-vanishes-mid-read'), build: (w) => void w.write(om('om-vanishes-mid-read'), omText('om-vanishes-mid-read')), vanish: 'gone', expect: { ignored: true } },
    {
      id: 'om-becomes-folder-mid-read',
      family: 'openmontage',
      hostile: 'a checkpoint replaced by a folder as it is read',
      rel: om('om-becomes-folder-mid-read'),
      build: (w) => void w.write(om('om-becomes-folder-mid-read'), omText('om-becomes-folder-mid-read')),
      vanish: 'folder',
      expect: { problems: [{ code: 'file.not_regular', field: '' }] },
    },

    // ---- Twinklr -------------------------------------------------------------------------
    { id: 'tw-truncated', family: 'twinklr', hostile: 'an evaluation cut off mid-write', rel: tw('tw-truncated'), build: (w) => void w.write(tw('tw-truncated'), truncate(json(twEvaluation()), 0.5)), expect: { problems: [{ code: 'json.truncated', field: '' }] } },
    {
      id: 'tw-wrong-types',
      family: 'twinklr',
      hostile: 'the score a word, the iteration a string',
      rel: tw('tw-wrong-types'),
      build: (w) => void w.write(tw('tw-wrong-types'), json(twEvaluation({ iteration: 'first', evaluation: { ...(twEvaluation().evaluation as object), score: 'high' } }))),
      expect: { problems: [{ code: 'schema.invalid_type', field: '/evaluation/score', message: /expected number/ }, { code: 'schema.invalid_type', field: '/iteration' }], runShown: true },
    },
    { id: 'tw-missing-keys', family: 'twinklr', hostile: 'an evaluation with no evaluation in it', rel: tw('tw-missing-keys'), build: (w) => void w.write(tw('tw-missing-keys'), json({ run_id: 'a3f9b2c1', iteration: 1 })), expect: { problems: [{ code: 'schema.invalid_type', field: '/evaluation' }] } },
    {
      id: 'tw-nan-score',
      family: 'twinklr',
      hostile: 'NaN as the judge score (Python json.dump writes it)',
      rel: tw('tw-nan-score'),
      build: (w) => void w.write(tw('tw-nan-score'), json(twEvaluation()).replace('"score": 6.4,\n    "strengths"', '"score": NaN,\n    "strengths"')),
      expect: { problems: [{ code: 'json.non_finite', field: '/evaluation/score' }], runShown: true },
    },
    {
      id: 'tw-duplicate-keys',
      family: 'twinklr',
      hostile: '"decision" twice inside the evaluation',
      rel: tw('tw-duplicate-keys'),
      build: (w) => void w.write(tw('tw-duplicate-keys'), json(twEvaluation()).replace('"decision": "SOFT_FAIL",\n    "score"', '"decision": "APPROVE",\n    "decision": "SOFT_FAIL",\n    "score"')),
      expect: { problems: [{ code: 'json.duplicate_key', field: '/evaluation/decision' }], runShown: true },
    },
    { id: 'tw-not-an-object', family: 'twinklr', hostile: 'a JSON array instead of an object', rel: tw('tw-not-an-object'), build: (w) => void w.write(tw('tw-not-an-object'), '[1, 2, 3]\n'), expect: { problems: [{ code: 'tw.not_object', field: '' }] } },
    {
      id: 'tw-raw-plan-proto',
      family: 'twinklr',
      hostile: '__proto__ inside a planner section',
      rel: tw('tw-raw-plan-proto').replace('_evaluation.json', '_raw.json'),
      build: (w) => void w.write(tw('tw-raw-plan-proto').replace('_evaluation.json', '_raw.json'), json(twRaw()).replace('"section_id": "intro"', '"__proto__": {"polluted": true}, "section_id": "intro"')),
      expect: { problems: [], runShown: true },
    },

    // ---- OmniClaude ----------------------------------------------------------------------
    ...ocCases(),

    // ---- CineCut -------------------------------------------------------------------------
    {
      id: 'cc-wrong-types',
      family: 'cinecut',
      hostile: 'keyframe_count a word, stages_complete a string',
      rel: cc('cc-wrong-types'),
      build: (w) => void w.write(cc('cc-wrong-types'), json(ccCheckpoint(workAbs(w, cc('cc-wrong-types')), { keyframe_count: 'two', stages_complete: 'proxy' }))),
      expect: { problems: [{ code: 'schema.invalid_type', field: '/keyframe_count' }, { code: 'schema.invalid_type', field: '/stages_complete' }], runShown: true },
    },
    {
      id: 'cc-extra-key',
      family: 'cinecut',
      hostile: 'a key the pipeline does not know (it would restart from scratch)',
      rel: cc('cc-extra-key'),
      build: (w) => void w.write(cc('cc-extra-key'), json(ccCheckpoint(workAbs(w, cc('cc-extra-key')), { approved_by_agent: true }))),
      expect: { problems: [{ code: 'cc.unknown_key', field: '/approved_by_agent', message: /restart the run from scratch/ }], runShown: true },
    },
    {
      id: 'cc-invalid-utf8',
      family: 'cinecut',
      hostile: 'a lone continuation byte',
      rel: cc('cc-invalid-utf8'),
      build: (w) => void w.write(cc('cc-invalid-utf8'), Buffer.concat([enc('{"vibe": "rom'), Buffer.from([0x80]), enc('ance"}')])),
      expect: { problems: [{ code: 'encoding.invalid_utf8', message: /offset 13/ }] },
    },
    {
      id: 'cc-dotdot-proxy',
      family: 'cinecut',
      hostile: 'a relative proxy path climbing out with ..',
      rel: cc('cc-dotdot-proxy'),
      build: (w) => void w.write(cc('cc-dotdot-proxy'), json(ccCheckpoint(workAbs(w, cc('cc-dotdot-proxy')), { proxy_path: '../../../../../etc/passwd' }))),
      expect: { problems: [{ code: 'cc.path_not_absolute', field: '/proxy_path' }, { code: 'cc.assembly.path_outside_work_dir', field: '/proxy_path', message: /not followed/ }], runShown: true },
    },
    {
      id: 'cc-absolute-outside-proxy',
      family: 'cinecut',
      hostile: 'an absolute proxy path outside the root',
      rel: cc('cc-absolute-outside-proxy'),
      build: (w) => void w.write(cc('cc-absolute-outside-proxy'), json(ccCheckpoint(workAbs(w, cc('cc-absolute-outside-proxy')), { proxy_path: '/etc/passwd' }))),
      expect: { problems: [{ code: 'cc.assembly.path_outside_work_dir', field: '/proxy_path', message: /not followed/ }], runShown: true },
    },

    // ---- aivideo -------------------------------------------------------------------------
    { id: 'av-truncated', family: 'aivideo', hostile: 'an API export cut off', rel: av('av-truncated'), build: (w) => void w.write(av('av-truncated'), truncate(json(avExport()), 0.7)), expect: { problems: [{ code: 'json.truncated' }] } },
    {
      id: 'av-wrong-types',
      family: 'aivideo',
      hostile: 'progress a word, the checkpoint a string',
      rel: av('av-wrong-types'),
      build: (w) => void w.write(av('av-wrong-types'), json({ ...avExport({ progress: 'forty' }), current_checkpoint: 'cp-1' })),
      expect: { problems: [{ code: 'schema.invalid_type', field: '/progress' }, { code: 'schema.invalid_type', field: '/current_checkpoint' }] },
    },
    {
      id: 'av-naive-timestamp',
      family: 'aivideo',
      hostile: 'created_at without a zone',
      rel: av('av-naive-timestamp'),
      build: (w) => void w.write(av('av-naive-timestamp'), json(avExport({}, { created_at: '2026-11-20T09:21:55' }))),
      expect: { problems: [{ code: 'av.naive_timestamp', field: '/current_checkpoint/created_at' }], runShown: true },
    },
    {
      id: 'av-far-future-timestamp',
      family: 'aivideo',
      hostile: 'created_at in the year 9999',
      rel: av('av-far-future-timestamp'),
      build: (w) => void w.write(av('av-far-future-timestamp'), json(avExport({}, { created_at: '9999-01-01T00:00:00Z' }))),
      expect: { problems: [{ code: 'av.future_timestamp', field: '/current_checkpoint/created_at' }], runShown: true },
    },
    {
      id: 'av-javascript-url',
      family: 'aivideo',
      hostile: 'a javascript: URL where a presigned S3 link goes',
      rel: av('av-javascript-url'),
      build: (w) => {
        const doc = avExport();
        ((doc.current_checkpoint as { artifacts: Record<string, { s3_url: string }> }).artifacts.beat_0).s3_url = 'javascript:alert(document.domain)';
        w.write(av('av-javascript-url'), json(doc));
      },
      expect: {
        runShown: true,
        also: ({ runs }) => {
          const run = runs.find((r) => r.files.some((f) => f.rel === av('av-javascript-url')))!;
          const all = [...run.artifacts, ...run.stages.flatMap((s) => s.artifacts)];
          const beat = all.find((a) => a.name === 'beat_0');
          // Only http(s) links become clickable URL artifacts; this one is shown as unusable text.
          if (!beat || beat.source === 'url' || beat.url !== undefined || !/unusable URL/.test(beat.summary ?? '')) throw new Error(`javascript: URL not neutralised: ${JSON.stringify(beat)}`);
        },
      },
    },

    // ---- Greenlight gate protocol --------------------------------------------------------
    { id: 'gate-missing-question', family: 'gate', hostile: 'no question', rel: gate('gate-missing-question'), build: (w) => void w.write(gate('gate-missing-question'), json({ requested_at: '2026-11-20T10:00:00Z' })), expect: { problems: [{ code: 'schema.invalid_type', field: '/question' }], runShown: true } },
    {
      id: 'gate-wrong-types',
      family: 'gate',
      hostile: 'options a string, timeout a word',
      rel: gate('gate-wrong-types'),
      build: (w) => void w.write(gate('gate-wrong-types'), json(gateFile({ options: 'ship', timeout: 'soon' }))),
      expect: { problems: [{ code: 'schema.invalid_type', field: '/options' }, { code: 'schema.invalid_type', field: '/timeout' }], runShown: true },
    },
    {
      id: 'gate-dotdot-artifact',
      family: 'gate',
      hostile: 'an artifact path climbing out with ..',
      rel: gate('gate-dotdot-artifact'),
      build: (w) => void w.write(gate('gate-dotdot-artifact'), json(gateFile({ artifacts: ['../../../../etc/passwd'] }))),
      expect: { problems: [{ code: 'path.escapes', field: '/artifacts/0', message: /climbs out/ }], runShown: true },
    },
    {
      id: 'gate-absolute-artifact',
      family: 'gate',
      hostile: 'absolute artifact paths (POSIX and Windows)',
      rel: gate('gate-absolute-artifact'),
      build: (w) => void w.write(gate('gate-absolute-artifact'), json(gateFile({ artifacts: ['/etc/passwd', { path: 'C:\\Windows\\win.ini' }] }))),
      expect: {
        problems: [
          { code: 'path.escapes', field: '/artifacts/0', message: /absolute/ },
          { code: 'path.escapes', field: '/artifacts/1', message: /absolute/ },
        ],
        runShown: true,
      },
    },
    {
      id: 'gate-nul-artifact',
      family: 'gate',
      hostile: 'a NUL byte inside an artifact path',
      rel: gate('gate-nul-artifact'),
      build: (w) => void w.write(gate('gate-nul-artifact'), json(gateFile({ artifacts: ['frame.png\u0000../../etc/passwd'] }))),
      expect: { problems: [{ code: 'path.escapes', field: '/artifacts/0', message: /NUL/ }], runShown: true },
    },
    {
      id: 'gate-symlinked-artifact-out',
      family: 'gate',
      hostile: 'an artifact that is a symlink leading out of the root',
      rel: gate('gate-symlinked-artifact-out'),
      build: (w) => {
        w.write(gate('gate-symlinked-artifact-out'), json(gateFile({ artifacts: ['leak.png'] })));
        w.symlink(w.writeOutside('leak.png', 'not a png, and not yours'), 'gates/leak.png');
      },
      expect: { problems: [{ code: 'path.symlink_escapes', field: '/artifacts/0', message: /symbolic link/ }], runShown: true },
    },
    {
      id: 'gate-far-future',
      family: 'gate',
      hostile: 'requested_at in the year 9999',
      rel: gate('gate-far-future'),
      build: (w) => void w.write(gate('gate-far-future'), json(gateFile({ requested_at: '9999-12-31T00:00:00Z' }))),
      expect: { problems: [{ code: 'gate.future_time', field: '/requested_at' }], runShown: true },
    },
    {
      id: 'gate-naive-time',
      family: 'gate',
      hostile: 'requested_at without a time zone',
      rel: gate('gate-naive-time'),
      build: (w) => void w.write(gate('gate-naive-time'), json(gateFile({ requested_at: '2026-11-20T10:00:00' }))),
      expect: { problems: [{ code: 'gate.naive_time', field: '/requested_at', severity: 'warning' }], runShown: true },
    },
    {
      id: 'gate-not-a-date',
      family: 'gate',
      hostile: 'requested_at that is no date at all',
      rel: gate('gate-not-a-date'),
      build: (w) => void w.write(gate('gate-not-a-date'), json(gateFile({ requested_at: 'yesterday-ish' }))),
      expect: { problems: [{ code: 'gate.bad_time', field: '/requested_at' }], runShown: true },
    },
    { id: 'gate-newline-name', family: 'gate', hostile: 'a gate file name with a newline', rel: gate('two\nlines'), build: (w) => void w.write(gate('two\nlines'), json(gateFile())), expect: { problems: [], runShown: true } },

    // ---- The file system itself ----------------------------------------------------------
    {
      id: 'fs-symlink-loop-folders',
      family: 'filesystem',
      hostile: 'a folder containing a symlink to itself',
      rel: 'loops/inner/again',
      build: (w) => {
        w.write('loops/inner/loop.gate.json', json(gateFile()));
        w.symlink('.', 'loops/inner/again');
      },
      expect: {
        ignored: true,
        also: ({ runs }) => {
          const found = runs.filter((r) => r.files.some((f) => f.rel.startsWith('loops/inner/'))).map((r) => r.files.map((f) => f.rel));
          if (JSON.stringify(found) !== JSON.stringify([['loops/inner/loop.gate.json']])) throw new Error(`the gate inside the loop should be indexed once, got ${JSON.stringify(found)}`);
        },
      },
    },
    {
      id: 'fs-symlink-loop-files',
      family: 'filesystem',
      hostile: 'two file symlinks pointing at each other',
      rel: 'loops/a.gate.json',
      build: (w) => {
        w.symlink('b.gate.json', 'loops/a.gate.json');
        w.symlink('a.gate.json', 'loops/b.gate.json');
      },
      expect: { notice: /broken or looping symbolic link/, ignored: true },
    },
    {
      id: 'fs-symlink-folder-out',
      family: 'filesystem',
      hostile: 'a folder symlink leading out of the root',
      rel: 'gates/elsewhere',
      build: (w) => {
        w.writeOutside('elsewhere/secret.gate.json', json(gateFile({ question: 'outside the root' })));
        w.symlink(`${w.outside}/elsewhere`, 'gates/elsewhere');
      },
      expect: { notice: /symbolic link leads outside the watched folder/, ignored: true },
    },
    {
      id: 'fs-unreadable-folder',
      family: 'filesystem',
      hostile: 'a folder nobody may list (chmod 000)',
      rel: 'locked',
      build: (w) => void w.write('locked/hidden.gate.json', json(gateFile())),
      needsEnforcedPermissions: { chmod: 0o000 },
      expect: { notice: /permission denied: folder cannot be read/ },
    },
    {
      id: 'fs-fifo',
      family: 'filesystem',
      hostile: 'a named pipe where a checkpoint goes (reading it would block forever)',
      rel: 'gates/pipe.gate.json',
      build: (w) => void w.mkfifo('gates/pipe.gate.json'),
      expect: { ignored: true },
    },
  ];
}
