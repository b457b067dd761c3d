import { looksPresigned, safeExternalUrl } from './safe-url';

/** Remote artifacts (aivideo's presigned S3 links): a plain external link and a word on expiry. */
export function UrlArtifact({ url }: { url: string }) {
  const href = safeExternalUrl(url);
  return (
    <div className="gl-url">
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer" className="gl-url__link">
          {displayUrl(href)} <span aria-hidden="true">↗</span>
        </a>
      ) : (
        <code className="gl-url__blocked">{url}</code>
      )}
      <p className="gl-note">
        {href ? '' : 'Not a web link, so it is shown as text. '}
        {looksPresigned(url)
          ? 'This is a presigned URL: it expires (usually after an hour), so it may no longer open; export the run again for fresh links.'
          : 'Remote file: presigned URLs expire, so an old export may no longer open.'}
      </p>
    </div>
  );
}

function displayUrl(href: string): string {
  try {
    const u = new URL(href);
    const path = u.pathname.length > 60 ? '…' + u.pathname.slice(-58) : u.pathname;
    return `${u.host}${path}`;
  } catch {
    return href;
  }
}
