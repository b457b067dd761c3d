// Finds an iteration's plan and evaluation. Twinklr iterations are also stages ("iteration 03"),
// and the iteration names its files by id; we look for an artifact over that file (so the
// artifact viewer can show it), falling back to the raw checkpoint file.
import { useMemo } from 'react';
import type { Artifact, Iteration, Run, Stage } from '../../../shared/model';
import { useArtifact, useFileView, type Loadable } from '../../stores/artifact-store';

export type DocKind = 'plan' | 'evaluation';

export interface IterationDoc {
  kind: DocKind;
  fileId?: string;
  rel?: string;
  artifact?: Artifact;
}

const ITERATION_NAME = /iter(?:ation)?[\s_#-]*0*(\d+)/i;

export function iterationNumberOf(stage: Pick<Stage, 'name' | 'label'>): number | undefined {
  for (const text of [stage.name, stage.label]) {
    const m = text ? ITERATION_NAME.exec(text) : null;
    if (m) return Number(m[1]);
  }
  return undefined;
}

export function iterationStage(run: Run, n: number): Stage | undefined {
  return run.stages.find((s) => iterationNumberOf(s) === n);
}

function wholeFile(a: Artifact): boolean {
  return a.source === 'file' || !a.pointer || a.pointer === '/';
}

function artifactForFile(candidates: readonly Artifact[], fileId: string): Artifact | undefined {
  const matches = candidates.filter((a) => a.fileId === fileId && a.source !== 'missing');
  return matches.find(wholeFile) ?? matches[0];
}

const NAME_HINT: Record<DocKind, RegExp> = { plan: /plan|raw/i, evaluation: /eval|judge|verdict/i };

export function iterationDoc(run: Run, it: Iteration, kind: DocKind): IterationDoc | undefined {
  const stage = iterationStage(run, it.n);
  const fileId = kind === 'plan' ? it.planFileId : it.evaluationFileId;
  const rel = kind === 'plan' ? it.planRel : it.evaluationRel;
  const pools = [stage?.artifacts ?? [], run.artifacts, run.stages.flatMap((s) => s.artifacts)];
  if (fileId) {
    for (const pool of pools) {
      const artifact = artifactForFile(pool, fileId);
      if (artifact) return { kind, fileId, rel: rel ?? artifact.rel, artifact };
    }
    return { kind, fileId, rel };
  }
  const byName = stage?.artifacts.find((a) => a.kind === 'json' && NAME_HINT[kind].test(a.name));
  return byName ? { kind, fileId: byName.fileId, rel: byName.rel, artifact: byName } : undefined;
}

/** The document as JSON, from the artifact body or the raw file text. */
export function useDocJson(doc: IterationDoc | undefined): Loadable<unknown> | undefined {
  const artifactEntry = useArtifact(doc?.artifact?.id);
  const fileEntry = useFileView(doc?.artifact ? undefined : doc?.fileId);
  return useMemo((): Loadable<unknown> | undefined => {
    if (!doc) return undefined;
    if (doc.artifact) {
      if (!artifactEntry || artifactEntry.status !== 'ready') return artifactEntry;
      const content = artifactEntry.value?.content;
      if (!content) return { status: 'error', error: 'the artifact is no longer in the index' };
      if (content.type === 'json') return { status: 'ready', value: content.value };
      if (content.type === 'text') return parse(content.text, content.truncated);
      return { status: 'error', error: `the artifact is not JSON (${content.type})` };
    }
    if (!fileEntry || fileEntry.status !== 'ready') return fileEntry;
    if (!fileEntry.value) return { status: 'error', error: 'the file is no longer in the index' };
    return parse(fileEntry.value.text, fileEntry.value.truncated);
  }, [doc, artifactEntry, fileEntry]);
}

function parse(text: string, truncated: boolean): Loadable<unknown> {
  if (truncated) return { status: 'error', error: 'the file is too large to compare here' };
  try {
    return { status: 'ready', value: JSON.parse(text) as unknown };
  } catch (e) {
    return { status: 'error', error: `the file is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
}
