// Artifact kind from a file extension (the project-wide mapping).
import type { ArtifactKind } from '../../../../shared/model';

const KINDS: Record<string, ArtifactKind> = {
  json: 'json',
  md: 'text', txt: 'text', yaml: 'text', srt: 'text', log: 'text',
  png: 'image', jpg: 'image', jpeg: 'image', webp: 'image', gif: 'image', svg: 'image',
  mp4: 'video', webm: 'video', mov: 'video', mkv: 'video',
  mp3: 'audio', wav: 'audio', ogg: 'audio', m4a: 'audio', flac: 'audio',
};

export function kindOf(fileName: string): ArtifactKind {
  const i = fileName.lastIndexOf('.');
  return i < 0 ? 'file' : KINDS[fileName.slice(i + 1).toLowerCase()] ?? 'file';
}
