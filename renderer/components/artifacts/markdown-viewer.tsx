// Markdown written by agents is rendered, but inert: raw HTML is skipped, and links keep only
// safe schemes. Images are not fetched (they point at paths or hosts the desk does not serve);
// they show as their alt text and address instead.
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { formatBytes } from '../checkpoint/format-values';
import { markdownUrlTransform } from './safe-url';

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    ) : (
      <span className="gl-md__dead-link">{children}</span>
    ),
  img: ({ alt, src }) => (
    <span className="gl-md__img" title={typeof src === 'string' ? src : undefined}>
      [image{alt ? `: ${alt}` : ''}]
    </span>
  ),
};

export function MarkdownViewer({ text, truncated, size }: { text: string; truncated?: boolean; size?: number }) {
  return (
    <div className="gl-md">
      <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml urlTransform={markdownUrlTransform} components={components}>
        {text}
      </ReactMarkdown>
      {truncated && <p className="gl-note">Showing the beginning of the file only ({formatBytes(size)} in all).</p>}
    </div>
  );
}
