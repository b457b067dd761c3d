// Builds the one run of a CineCut work dir: the checkpoint's stages in execution order, the
// manifests and media linked as artifacts, staleness (source video gone), and the `--review`
// gate before conform. A work dir without a checkpoint yields no run.
import type { DecisionSidecar } from '../../../../shared/decision-sidecar';
import type { Artifact, FileRef, Gate, Run, RunStatus, Stage, StageStatus } from '../../../../shared/model';
import { normaliseVibe, vibeSlug } from '../../../../shared/schemas/cinecut';
import type { AssembleContext, ParsedFile } from '../family-adapter';
import { kindOf } from './artifact-kind';
import { addAssemblyProblem, clearAssemblyProblems } from './assembly-problems';
import { buildConformGate } from './conform-gate';
import { CC_ASSEMBLY_MANIFEST_NAME, CC_MANIFEST_NAME, locateCineCut, stemOfWorkDir, workDirOfGroup, type CcRole } from './layout';
import { CC_GATE_KEY } from './parse-file';
import { manifestSummary } from './parse-manifest';
import type { CcCheckpointInfo, CcRecord } from './records';
import { CC_STAGES, type CcStageName } from './stages';
import { baseName, isoFromMs, parentName } from './values';
import { MAX_KEYFRAME_ARTIFACTS, type MediaFile } from './work-dir-media';

type CcFile = ParsedFile<CcRecord>;
type RecordOf<K extends CcRecord['kind']> = Extract<CcRecord, { kind: K }>;

const MAX_OTHER_VIDEOS = 12;

export function assembleCineCutGroup(groupKey: string, files: CcFile[], ctx: AssembleContext): Run[] {
  clearAssemblyProblems(files);
  const byRole = new Map<CcRole, CcFile[]>();
  for (const f of files) {
    const loc = locateCineCut(f.rel);
    if (!loc) continue;
    const list = byRole.get(loc.role) ?? [];
    list.push(f);
    byRole.set(loc.role, list);
  }
  const ckFile = byRole.get('checkpoint')?.[0];
  if (!ckFile) return [];
  const ck = recordOf(ckFile, 'checkpoint')?.checkpoint;
  const manifestFile = byRole.get('manifest')?.[0];
  const manifest = recordOf(manifestFile, 'manifest')?.manifest;
  const asmFile = byRole.get('assembly-manifest')?.[0];
  const decisionFile = byRole.get('decision')?.[0];
  const trailerFiles = byRole.get('trailer') ?? [];

  const workDir = workDirOfGroup(groupKey);
  const workDirName = workDir.slice(workDir.lastIndexOf('/') + 1);
  const rootId = ckFile.rootId;
  const runId = ctx.makeId('run', groupKey);
  const stem = ck?.stem ?? stemOfWorkDir(workDirName);
  const stale = ck ? !ck.sourceExists : false;
  const done = new Set(ck?.stagesComplete ?? []);

  const fileArtifact = (rel: string, name: string, extra: Partial<Artifact> = {}): Artifact => {
    const fileId = ctx.fileIdFor(rootId, rel);
    return { id: ctx.makeId('artifact', fileId, ''), name, kind: kindOf(rel), role: 'other', source: 'file', fileId, rel, ...extra };
  };
  const missingArtifact = (rel: string, name: string, extra: Partial<Artifact> = {}): Artifact => ({
    id: ctx.makeId('artifact', 'missing', rootId, rel),
    name,
    kind: kindOf(rel),
    role: 'other',
    source: 'missing',
    rel,
    ...extra,
  });
  const inWork = (name: string) => (workDir ? `${workDir}/${name}` : name);

  // ---- trailer (conform output) -----------------------------------------------------------
  const trailers = collectTrailers(ck, trailerFiles);
  // Every (re)run rewrites the checkpoint at the inference stage, so a trailer older than the
  // checkpoint is the output of an earlier run, not of this one.
  const ckMtime = ckFile.mtimeMs || 0;
  const expectedTrailer = ck?.vibe ? `${stem}_trailer_${vibeSlug(ck.vibe)}.mp4` : undefined;
  const current = trailers.filter((t) => {
    const forThisVibe = !expectedTrailer || t.name === expectedTrailer || t.rel.startsWith(inWork(''));
    const fresh = t.mtimeMs === undefined || !ckMtime || t.mtimeMs >= ckMtime;
    return forThisVibe && fresh;
  });
  const trailerDone = !!ck && current.length > 0;

  // ---- decision sidecar -------------------------------------------------------------------
  const sidecarRec = recordOf(decisionFile, 'decision')?.sidecar;
  const sidecar: DecisionSidecar | undefined = sidecarRec && sidecarRec.gate === CC_GATE_KEY ? sidecarRec : undefined;
  if (sidecar?.target && decisionFile) {
    const t = sidecar.target;
    const now = manifestFile && t.rel === manifestFile.rel ? manifest?.sha256 : t.rel === ckFile.rel ? ck?.sha256 : undefined;
    if (now && now !== t.sha256) {
      addAssemblyProblem(decisionFile, {
        severity: 'warning',
        field: '/target/sha256',
        code: 'decision_target_changed',
        message: `${baseName(t.rel)} changed after this decision was recorded; the decision was about the earlier version`,
      });
    }
  }

  // ---- artifacts --------------------------------------------------------------------------
  const stageArtifacts = new Map<CcStageName, Artifact[]>();
  const addTo = (stage: CcStageName, a: Artifact) => stageArtifacts.set(stage, [...(stageArtifacts.get(stage) ?? []), a]);
  const runArtifacts: Artifact[] = [];
  const push = (stage: CcStageName | undefined, a: Artifact) => {
    runArtifacts.push(a);
    if (stage) addTo(stage, a);
  };

  const manifestLinked = ck ? linkedPath(ck.manifestPath, CC_MANIFEST_NAME, workDirName, '/manifest_path', ckFile) : false;
  if (manifestFile) {
    push('narrative', {
      ...fileArtifact(manifestFile.rel, CC_MANIFEST_NAME, {
        role: 'canonical',
        editable: true,
        summary: manifest ? manifestSummary(manifest) : undefined,
        size: manifestFile.size || undefined,
      }),
      fileId: manifestFile.fileId,
      id: ctx.makeId('artifact', manifestFile.fileId, ''),
      metadata: { linked: manifestLinked },
    });
    if (ck && ck.manifestPath === null) {
      addAssemblyProblem(manifestFile, {
        severity: 'warning',
        field: '',
        code: 'unlinked_manifest',
        message: 'the checkpoint does not link this manifest (manifest_path is null, e.g. after an inference cache miss): CineCut will regenerate it at the narrative stage and overwrite edits',
      });
    }
  } else if (manifestLinked) {
    push('narrative', missingArtifact(inWork(CC_MANIFEST_NAME), CC_MANIFEST_NAME, { role: 'canonical' }));
    addAssemblyProblem(ckFile, {
      severity: 'warning',
      field: '/manifest_path',
      code: 'manifest_missing',
      message: `manifest_path names ${CC_MANIFEST_NAME}, but it is not in the work folder; a resumed run would fail to load it`,
    });
  }
  const asmLinked = ck ? linkedPath(ck.assemblyManifestPath, CC_ASSEMBLY_MANIFEST_NAME, workDirName, '/assembly_manifest_path', ckFile) : false;
  if (asmFile) {
    const rec = recordOf(asmFile, 'assembly-manifest');
    push('assembly', {
      ...fileArtifact(asmFile.rel, CC_ASSEMBLY_MANIFEST_NAME, { role: 'canonical', summary: rec?.clipCount !== undefined ? `${rec.clipCount} clips` : undefined }),
      fileId: asmFile.fileId,
      id: ctx.makeId('artifact', asmFile.fileId, ''),
    });
  } else if (asmLinked) {
    push('assembly', missingArtifact(inWork(CC_ASSEMBLY_MANIFEST_NAME), CC_ASSEMBLY_MANIFEST_NAME, { role: 'canonical' }));
  }

  if (ck) {
    const media = ck.media;
    const proxyName = ck.proxyPath && linkedPath(ck.proxyPath, baseName(ck.proxyPath), workDirName, '/proxy_path', ckFile) ? baseName(ck.proxyPath) : `${stem}_proxy.mp4`;
    const proxy = media.videos.find((v) => v.name === proxyName);
    if (proxy) push('proxy', mediaArtifact(fileArtifact, proxy, 'proxy video', 'canonical'));
    else if (ck.proxyPath) push('proxy', missingArtifact(inWork(proxyName), 'proxy video', { role: 'canonical' }));
    media.keyframes.forEach((k, i) => push('keyframes', mediaArtifact(fileArtifact, k, `keyframe ${k.name}`, 'other', { index: i, total: media.keyframeCount })));
    for (const a of media.audio) push('music', mediaArtifact(fileArtifact, a, a.name, 'supplementary'));
    for (const v of media.videos.filter((v) => v.name !== proxyName).slice(0, MAX_OTHER_VIDEOS)) push(undefined, mediaArtifact(fileArtifact, v, v.name, 'other'));
  }
  for (const t of trailers) {
    const isCurrent = current.includes(t);
    push('conform', mediaArtifact(fileArtifact, t, isCurrent ? 'trailer' : `trailer (earlier run): ${t.name}`, isCurrent ? 'canonical' : 'other', isCurrent ? undefined : { outdated: true }));
  }

  // ---- cross-file checks ------------------------------------------------------------------
  if (manifestFile && manifest && ck) {
    if (manifest.sourceFile !== undefined && ck.sourceFile !== undefined && manifest.sourceFile !== ck.sourceFile) {
      addAssemblyProblem(manifestFile, {
        severity: 'warning',
        field: '/source_file',
        code: 'manifest_source_mismatch',
        message: `manifest is for "${manifest.sourceFile}" but the checkpoint is for "${ck.sourceFile}"; conform cuts from the checkpoint's source`,
      });
    }
    if (manifest.vibe && ck.vibe && normaliseVibe(manifest.vibe) !== normaliseVibe(ck.vibe)) {
      addAssemblyProblem(manifestFile, {
        severity: 'warning',
        field: '/vibe',
        code: 'manifest_vibe_mismatch',
        message: `manifest vibe "${manifest.vibe}" differs from the checkpoint's "${ck.vibe}"; CineCut refuses a manifest whose vibe does not match --vibe`,
      });
    }
  }

  // ---- gate -------------------------------------------------------------------------------
  const conformStageId = ctx.makeId('stage', groupKey, 'conform');
  const waiting = !!ck && !stale && done.has('assembly') && !trailerDone && !sidecar;
  let gate: Gate | undefined;
  if (waiting || sidecar) {
    gate = buildConformGate({
      ctx,
      groupKey,
      runId,
      stageId: conformStageId,
      since: isoFromMs(ckFile.mtimeMs),
      file: manifestFile ? { fileId: manifestFile.fileId, rel: manifestFile.rel } : { fileId: ckFile.fileId, rel: ckFile.rel },
      decision: sidecar,
    });
  }

  // ---- stages -----------------------------------------------------------------------------
  const cascade = !!ck && ck.cacheHit === false && done.has('music') && (!done.has('narrative') || !done.has('assembly'));
  const stages: Stage[] = CC_STAGES.map((s, order) => {
    const flags: string[] = [];
    const details: Record<string, unknown> = {};
    let status: StageStatus;
    if (!ck) status = 'unknown';
    else if (s.name === 'inference') {
      status = ck.inferenceComplete === true ? 'completed' : 'pending';
      details.inference_complete = ck.inferenceComplete ?? null;
      if (ck.cacheHit !== undefined) details.cache_hit = ck.cacheHit;
      if (ck.cacheHit === true) flags.push('cache_hit');
    } else if (s.name === 'conform') {
      status = trailerDone ? 'completed' : gate?.status === 'waiting' ? 'awaiting_human' : 'pending';
    } else {
      status = done.has(s.name) ? 'completed' : 'pending';
    }
    if (ck) {
      if (s.name === 'proxy' && ck.proxyDurationS != null) details.proxy_duration_s = ck.proxyDurationS;
      if (s.name === 'subtitles' && ck.dialogueEventCount != null) details.dialogue_event_count = ck.dialogueEventCount;
      if (s.name === 'keyframes') {
        if (ck.keyframeCount != null) details.keyframe_count = ck.keyframeCount;
        details.keyframe_images = ck.media.keyframeCount;
        if (ck.media.keyframeCount > MAX_KEYFRAME_ARTIFACTS) details.keyframes_shown = MAX_KEYFRAME_ARTIFACTS;
      }
      if (s.name === 'structural' && ck.anchors) details.structural_anchors = ck.anchors;
      if (cascade && (s.name === 'narrative' || s.name === 'assembly') && !done.has(s.name)) flags.push('reset_by_cache_miss');
      // CineCut's cache-miss cascade clears narrative and assembly but leaves music marked.
      if (cascade && s.name === 'music') flags.push('kept_after_cache_miss');
      if (stale && status === 'completed') flags.push('stale');
    }
    const isConform = s.name === 'conform';
    return {
      id: isConform ? conformStageId : ctx.makeId('stage', groupKey, s.name),
      name: s.name,
      label: s.label,
      order,
      status,
      attempts: 1,
      versions: [],
      gateRequired: isConform,
      gateId: isConform ? gate?.id : undefined,
      artifacts: stageArtifacts.get(s.name) ?? [],
      flags,
      fileId: ckFile.fileId,
      rel: ckFile.rel,
      updatedAt: isConform && trailerDone ? isoFromMs(current[0].mtimeMs) : undefined,
      details: Object.keys(details).length ? details : undefined,
    };
  });

  let status: RunStatus;
  if (!ck) status = 'unknown';
  else if (stale) status = 'stale';
  else if (trailerDone) status = 'completed';
  else if (gate?.status === 'waiting') status = 'waiting';
  else if (gate?.status === 'rejected') status = 'incomplete';
  else status = 'running';

  const used = [ckFile, manifestFile, asmFile, decisionFile, ...trailerFiles].filter((f): f is CcFile => !!f);
  const mtimes = [...used.map((f) => mtimeOf(f)), ...current.map((t) => t.mtimeMs ?? 0)].filter((m) => m > 0);
  const currentStage = stages.find((s) => s.status !== 'completed')?.name ?? 'conform';

  const meta: Run['meta'] = {};
  if (ck) {
    if (ck.vibe !== undefined) meta.vibe = ck.vibe;
    if (ck.sourceFile) meta.source = baseName(ck.sourceFile);
    if (ck.keyframeCount !== undefined) meta.keyframe_count = ck.keyframeCount;
    if (ck.dialogueEventCount !== undefined) meta.dialogue_event_count = ck.dialogueEventCount;
    if (ck.proxyDurationS !== undefined) meta.proxy_duration_s = ck.proxyDurationS;
    if (ck.anchors !== undefined) meta.structural_anchors_source = ck.anchors?.source ?? null;
    if (ck.inferenceComplete !== undefined) meta.inference_complete = ck.inferenceComplete;
    if (ck.cacheHit !== undefined) meta.cache_hit = ck.cacheHit;
    meta.checkpoint_fields = ck.fieldCount;
    if (!ck.conventionalWorkDir) meta.work_dir_convention = 'readme';
  }
  if (manifest?.clipCount !== undefined) meta.clips = manifest.clipCount;

  return [
    {
      id: runId,
      family: 'cinecut',
      rootId,
      folder: workDir,
      project: stem,
      title: ck?.vibe ? `${stem} · ${ck.vibe}` : stem,
      status,
      startedAt: mtimes.length ? isoFromMs(Math.min(...mtimes)) : undefined,
      updatedAt: mtimes.length ? isoFromMs(Math.max(...mtimes)) : undefined,
      stageCount: stages.length,
      currentStage,
      pendingGates: gate?.status === 'waiting' ? 1 : 0,
      errors: 0,
      warnings: 0,
      stages,
      iterations: [],
      gates: gate ? [gate] : [],
      branches: [],
      artifacts: runArtifacts,
      files: used.map(fileRef),
      meta,
    },
  ];

  /**
   * Whether a path CineCut stored (absolute, on its own machine) names `expected` inside this
   * work dir. Anything else is not followed; a path elsewhere gets a warning.
   */
  function linkedPath(p: string | null | undefined, expected: string, dirName: string, field: string, file: CcFile): boolean {
    if (!p) return false;
    if (parentName(p) === dirName && baseName(p) === expected) return true;
    addAssemblyProblem(file, {
      severity: 'warning',
      field,
      code: 'path_outside_work_dir',
      message: `${field.slice(1)} "${p}" is not ${expected} in this work folder (${dirName}); it is not followed`,
    });
    return false;
  }
}

function collectTrailers(ck: CcCheckpointInfo | undefined, trailerFiles: CcFile[]): MediaFile[] {
  const out = new Map<string, MediaFile>();
  for (const t of ck?.media.trailers ?? []) out.set(t.rel, t);
  for (const f of trailerFiles) {
    const rec = recordOf(f, 'trailer');
    out.set(f.rel, { name: baseName(f.rel), rel: f.rel, size: rec?.size, mtimeMs: rec?.mtimeMs });
  }
  return [...out.values()].sort((a, b) => a.rel.localeCompare(b.rel));
}

function mediaArtifact(
  make: (rel: string, name: string, extra?: Partial<Artifact>) => Artifact,
  m: MediaFile,
  name: string,
  role: Artifact['role'],
  metadata?: Record<string, unknown>,
): Artifact {
  return make(m.rel, name, { role, size: m.size, ...(metadata ? { metadata } : {}) });
}

function mtimeOf(f: CcFile): number {
  if (f.mtimeMs) return f.mtimeMs;
  const rec = f.record;
  return rec?.kind === 'trailer' ? rec.mtimeMs ?? 0 : 0;
}

function recordOf<K extends CcRecord['kind']>(file: CcFile | undefined, kind: K): RecordOf<K> | undefined {
  const rec = file?.record;
  return rec && rec.kind === kind ? (rec as RecordOf<K>) : undefined;
}

function fileRef(f: ParsedFile): FileRef {
  return { id: f.fileId, rootId: f.rootId, rel: f.rel };
}
