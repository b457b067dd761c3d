// Video and audio stream from the artifact URL; the server answers Range requests, so seeking
// works and preload="metadata" fetches only the header until the user presses play.
export function MediaPlayer({ kind, src, name }: { kind: 'video' | 'audio'; src: string; name: string }) {
  if (kind === 'audio') {
    return (
      <div className="gl-media gl-media--audio">
        <audio controls preload="metadata" src={src} aria-label={name} />
      </div>
    );
  }
  return (
    <div className="gl-media gl-media--video">
      <video controls preload="metadata" src={src} aria-label={name} />
    </div>
  );
}
