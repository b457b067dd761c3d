// aivideo artifacts → model artifacts. Media live in S3; the API hands out 1-hour presigned
// HTTPS URLs, so an exported URL works for an hour and then 403s: the summary says when it
// expires (or that it has). The phase-1 spec lives in the database and in the export itself,
// so it is an inline artifact pointing into the export file.
import type { Artifact, ArtifactKind } from '../../../../shared/model';
import { artifactKindOf } from '../shared/artifact-paths';
import type { AvArtifact } from './records';

/** Kinds and roles by `artifact_type` (FORMATS.md §4.1); user-flow.md calls stitched_video `stitched`. */
const TYPES: Record<string, { kind: ArtifactKind; role: Artifact['role']; order: number }> = {
  spec: { kind: 'json', role: 'canonical', order: 0 },
  beat_image: { kind: 'image', role: 'canonical', order: 1 },
  stitched_video: { kind: 'video', role: 'canonical', order: 2 },
  stitched: { kind: 'video', role: 'canonical', order: 2 },
  video_chunk: { kind: 'video', role: 'supplementary', order: 3 },
  final_video: { kind: 'video', role: 'canonical', order: 4 },
  music: { kind: 'audio', role: 'supplementary', order: 5 },
};

export function artifactOrder(a: AvArtifact): number {
  return TYPES[a.type]?.order ?? 9;
}

/** Natural order of keys so beat_2 comes before beat_10. */
export function compareKeys(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** When a presigned URL stops working (SigV4 X-Amz-Date + X-Amz-Expires, or SigV2 Expires). */
export function presignedExpiry(url: string): number | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const date = u.searchParams.get('X-Amz-Date');
  const expires = u.searchParams.get('X-Amz-Expires');
  if (date && expires) {
    const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(date);
    if (m && /^\d+$/.test(expires)) return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) + Number(expires) * 1000;
  }
  const v2 = u.searchParams.get('Expires');
  if (v2 && /^\d+$/.test(v2)) return Number(v2) * 1000;
  return undefined;
}

function when(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

export interface ArtifactSource {
  art: AvArtifact;
  fileId: string;
}

export function toModelArtifact(src: ArtifactSource, id: string, now: number): Artifact {
  const { art, fileId } = src;
  const t = TYPES[art.type];
  const kind = t?.kind ?? (art.url ? artifactKindOf(urlPath(art.url)) : 'file');
  const v = art.version !== undefined ? ` · v${art.version}` : '';
  const base: Artifact = {
    id,
    name: art.key,
    kind,
    role: t?.role ?? 'other',
    source: 'missing',
    version: art.version,
    size: art.size,
    metadata: { ...art.meta, artifact_type: art.type, ...(art.id ? { artifact_id: art.id } : {}) },
  };
  if (art.type === 'spec' && art.specSummary) {
    return { ...base, source: 'inline', fileId, pointer: `${art.pointer}/metadata/spec`, summary: `${art.specSummary}${v}` };
  }
  if (!art.url) {
    return { ...base, summary: `no URL in the export${v}` };
  }
  if (/^s3:\/\//i.test(art.url)) {
    // Not fetchable by a browser: kept as metadata, not offered as a link.
    return { ...base, metadata: { ...base.metadata, s3_url: art.url }, summary: `S3 location, not a presigned link: export it through the API to view${v}` };
  }
  if (!/^https?:\/\//i.test(art.url)) {
    return { ...base, summary: `unusable URL "${art.url.slice(0, 60)}"${v}` };
  }
  const expiry = presignedExpiry(art.url);
  const summary =
    expiry === undefined
      ? `remote file${v}`
      : expiry <= now
        ? `presigned URL expired ${when(expiry)}: export again to view${v}`
        : `presigned URL, expires ${when(expiry)}${v}`;
  return {
    ...base,
    source: 'url',
    url: art.url,
    summary,
    metadata: { ...base.metadata, ...(expiry !== undefined ? { expiresAt: new Date(expiry).toISOString(), expired: expiry <= now } : {}) },
  };
}

/** The path of a URL (without its query) for extension sniffing, tolerant of junk. */
function urlPath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0];
  }
}
