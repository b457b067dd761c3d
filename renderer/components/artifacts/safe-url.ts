// Links found in artifact content (markdown, url artifacts) are data, not code: only web and
// mail links survive; `javascript:`, `data:`, `vbscript:`, `file:` and the like become nothing.
import { defaultUrlTransform } from 'react-markdown';

const BLOCKED = /^(javascript|data|vbscript|file|blob):/i;

/** For react-markdown's urlTransform: relative links and http(s)/mailto pass, the rest is dropped. */
export function markdownUrlTransform(url: string): string {
  // Browsers ignore control characters and whitespace inside a scheme (`java\tscript:`).
  const compact = url.replace(/[\u0000-\u0020\u007f]+/g, '');
  if (BLOCKED.test(compact)) return '';
  return defaultUrlTransform(url);
}

/** An absolute http(s) URL that may become a link, or undefined. */
export function safeExternalUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** Presigned S3/GCS links carry their signature in the query string; they stop working later. */
export function looksPresigned(url: string): boolean {
  return /[?&](X-Amz-Signature|X-Amz-Expires|Signature|Expires|X-Goog-Signature)=/i.test(url);
}
