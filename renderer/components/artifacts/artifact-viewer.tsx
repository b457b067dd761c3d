// Picks the viewer for one artifact. Media and plain files are drawn straight from their URL;
// JSON and text bodies are fetched through the artifact store when the viewer opens.
import type { ArtifactContent } from '../../../shared/api-contract';
import type { Artifact } from '../../../shared/model';
import { artifactUrl, useArtifact } from '../../stores/artifact-store';
import { FileArtifact } from './file-artifact';
import { ImageViewer } from './image-viewer';
import { lazyView } from '../common/lazy-view';
import { JsonTree } from './json-tree';
import { MediaPlayer } from './media-player';
import { MissingArtifact } from './missing-artifact';
import { TextViewer } from './text-viewer';
import { UrlArtifact } from './url-artifact';

// The markdown parser (micromark, remark-gfm) loads with the first markdown artifact shown.
const MarkdownViewer = lazyView(() => import('../../chunks/markdown-viewer').then((m) => m.MarkdownViewer), { what: 'the document' });

export function isMarkdown(artifact: Pick<Artifact, 'name' | 'rel' | 'mediaType'>): boolean {
  if (artifact.mediaType && /markdown/i.test(artifact.mediaType)) return true;
  return [artifact.rel, artifact.name].some((n) => !!n && /\.(md|markdown)$/i.test(n));
}

export function ArtifactViewer({ artifact }: { artifact: Artifact }) {
  if (artifact.source === 'missing') return <MissingArtifact rel={artifact.rel ?? artifact.name} />;
  if (artifact.source === 'url') {
    return artifact.url ? <UrlArtifact url={artifact.url} /> : <LoadedArtifact artifact={artifact} />;
  }
  if (artifact.source === 'file') {
    const src = artifactUrl(artifact.id);
    if (artifact.kind === 'image') return <ImageViewer src={src} name={artifact.name} />;
    if (artifact.kind === 'video' || artifact.kind === 'audio') return <MediaPlayer kind={artifact.kind} src={src} name={artifact.name} />;
    if (artifact.kind === 'file') return <FileArtifact id={artifact.id} name={artifact.name} size={artifact.size} mediaType={artifact.mediaType} />;
  }
  return <LoadedArtifact artifact={artifact} />;
}

function LoadedArtifact({ artifact }: { artifact: Artifact }) {
  const entry = useArtifact(artifact.id);
  if (!entry || entry.status === 'loading') return <p className="gl-muted gl-loading">Loading {artifact.name}…</p>;
  if (entry.status === 'error') {
    return (
      <p className="gl-note gl-note--bad" role="alert">
        Could not load {artifact.name}: {entry.error}
      </p>
    );
  }
  if (!entry.value) return <p className="gl-note gl-note--warn">This artifact is no longer in the index (the file changed or was removed).</p>;
  return <ContentView artifact={artifact} content={entry.value.content} />;
}

export function ContentView({ artifact, content }: { artifact: Artifact; content: ArtifactContent }) {
  switch (content.type) {
    case 'json':
      return <JsonTree value={content.value} />;
    case 'text':
      return isMarkdown(artifact) ? (
        <MarkdownViewer text={content.text} truncated={content.truncated} size={content.size} />
      ) : (
        <TextViewer text={content.text} truncated={content.truncated} size={content.size} />
      );
    case 'url':
      return <UrlArtifact url={content.url} />;
    case 'missing':
      return <MissingArtifact rel={artifact.rel ?? artifact.name} message={content.message} />;
    case 'media': {
      const src = artifactUrl(artifact.id);
      if (content.mediaType.startsWith('image/')) return <ImageViewer src={src} name={artifact.name} />;
      if (content.mediaType.startsWith('video/')) return <MediaPlayer kind="video" src={src} name={artifact.name} />;
      if (content.mediaType.startsWith('audio/')) return <MediaPlayer kind="audio" src={src} name={artifact.name} />;
      return <FileArtifact id={artifact.id} name={artifact.name} size={content.size} mediaType={content.mediaType} />;
    }
  }
}
