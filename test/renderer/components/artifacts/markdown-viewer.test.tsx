// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MarkdownViewer } from '../../../../renderer/components/artifacts/markdown-viewer';
import { markdownUrlTransform, safeExternalUrl } from '../../../../renderer/components/artifacts/safe-url';

afterEach(cleanup);

describe('MarkdownViewer', () => {
  it('renders GitHub-flavoured markdown', () => {
    const { container } = render(<MarkdownViewer text={'# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done'} />);
    expect(screen.getByRole('heading', { name: 'Title' })).toBeTruthy();
    expect(container.querySelector('table')).toBeTruthy();
    expect(container.querySelector('input[type="checkbox"]')).toBeTruthy();
  });

  it('keeps raw HTML, scripts and event handlers inert', () => {
    const md = 'Hi <script>window.pwned = 1</script>\n\n<img src="x" onerror="alert(1)">\n\n<iframe src="https://evil"></iframe>';
    const { container } = render(<MarkdownViewer text={md} />);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('iframe')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });

  it('drops javascript: and data: links, and opens web links safely', () => {
    const md = '[bad](javascript:alert(1)) [tab](java\tscript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [ok](https://example.com/a)';
    const { container } = render(<MarkdownViewer text={md} />);
    const hrefs = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://example.com/a']);
    const ok = screen.getByRole('link', { name: 'ok' });
    expect(ok.getAttribute('rel')).toBe('noopener noreferrer');
    expect(ok.getAttribute('target')).toBe('_blank');
    expect(container.textContent).toContain('bad');
  });

  it('does not fetch markdown images', () => {
    const { container } = render(<MarkdownViewer text={'![poster](https://tracker.example/p.png)'} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('[image: poster]');
  });
});

describe('safe URLs', () => {
  it('lets only web, mail and relative links through', () => {
    expect(markdownUrlTransform('javascript:alert(1)')).toBe('');
    expect(markdownUrlTransform(' JaVaScRiPt:alert(1)')).toBe('');
    expect(markdownUrlTransform('data:image/png;base64,xx')).toBe('');
    expect(markdownUrlTransform('vbscript:x')).toBe('');
    expect(markdownUrlTransform('https://a.b/c')).toBe('https://a.b/c');
    expect(markdownUrlTransform('notes/plan.md')).toBe('notes/plan.md');
    expect(safeExternalUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeExternalUrl('https://s3.example/x.mp4?X-Amz-Signature=1')).toBe('https://s3.example/x.mp4?X-Amz-Signature=1');
  });
});
