import { describe, expect, it } from 'vitest';
import { presignedExpiry, toModelArtifact } from '../../../../../electron/core/families/aivideo/artifacts';
import type { AvArtifact } from '../../../../../electron/core/families/aivideo/records';

const SIGNED = 'https://b.s3.amazonaws.com/u/videos/v/beat_01_v2.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20251121T084529Z&X-Amz-Expires=3600&X-Amz-Signature=ab';
const EXPIRES = Date.UTC(2025, 10, 21, 9, 45, 29);
const art = (over: Partial<AvArtifact>): AvArtifact => ({ type: 'beat_image', key: 'beat_1', url: SIGNED, version: 2, pointer: '/0/checkpoint/artifacts/1', meta: {}, ...over });

describe('aivideo artifacts', () => {
  it('reads the expiry of SigV4 and SigV2 presigned URLs', () => {
    expect(presignedExpiry(SIGNED)).toBe(EXPIRES);
    expect(presignedExpiry('https://b.s3.amazonaws.com/x.mp4?Expires=1763718329&Signature=x')).toBe(1763718329000);
    expect(presignedExpiry('https://example.com/x.mp4')).toBeUndefined();
    expect(presignedExpiry('not a url')).toBeUndefined();
  });

  it('marks a presigned URL as valid until it expires, then as expired', () => {
    const live = toModelArtifact({ art: art({}), fileId: 'f' }, 'id1', EXPIRES - 60_000);
    expect(live).toMatchObject({ source: 'url', kind: 'image', role: 'canonical', version: 2, url: SIGNED, name: 'beat_1' });
    expect(live.summary).toBe('presigned URL, expires 2025-11-21 09:45 UTC · v2');
    const dead = toModelArtifact({ art: art({}), fileId: 'f' }, 'id1', EXPIRES + 1);
    expect(dead.summary).toMatch(/^presigned URL expired 2025-11-21 09:45 UTC: export again/);
    expect(dead.metadata).toMatchObject({ expired: true, expiresAt: '2025-11-21T09:45:29.000Z' });
  });

  it('maps kinds by artifact type, falling back to the URL extension', () => {
    const k = (type: string, url = 'https://x/y') => toModelArtifact({ art: art({ type, url }), fileId: 'f' }, 'i', 0).kind;
    expect(k('video_chunk')).toBe('video');
    expect(k('stitched_video')).toBe('video');
    expect(k('stitched')).toBe('video'); // user-flow.md's name
    expect(k('final_video')).toBe('video');
    expect(k('music')).toBe('audio');
    expect(k('thumbnail', 'https://x/thumb_v1.webp?X-Amz-Date=1')).toBe('image');
    expect(k('other', 'https://x/notes')).toBe('file');
  });

  it('keeps the spec inline, pointing into the export', () => {
    const a = toModelArtifact({ art: art({ type: 'spec', key: 'spec', url: '', version: 2, specSummary: '3 beats · 30 s' }), fileId: 'f9' }, 'i', 0);
    expect(a).toMatchObject({ source: 'inline', kind: 'json', fileId: 'f9', pointer: '/0/checkpoint/artifacts/1/metadata/spec', summary: '3 beats · 30 s · v2' });
  });

  it('never offers unusable links as URLs', () => {
    expect(toModelArtifact({ art: art({ url: '' }), fileId: 'f' }, 'i', 0)).toMatchObject({ source: 'missing' });
    expect(toModelArtifact({ art: art({ url: 'javascript:alert(1)' }), fileId: 'f' }, 'i', 0)).toMatchObject({ source: 'missing' });
    const s3 = toModelArtifact({ art: art({ url: 's3://bucket/u/videos/v/final_v1.mp4' }), fileId: 'f' }, 'i', 0);
    expect(s3.source).toBe('missing');
    expect(s3.url).toBeUndefined();
    expect(s3.metadata?.s3_url).toBe('s3://bucket/u/videos/v/final_v1.mp4');
    expect(s3.summary).toMatch(/not a presigned link/);
  });
});
