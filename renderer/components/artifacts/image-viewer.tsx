// Images load only through <img> (which never runs scripts, even inside SVG). Clicking one opens
// it at full size over the page; Escape, the close button or a click outside closes it.
import { useEffect, useRef, useState } from 'react';

export function ImageViewer({ src, name, compact }: { src: string; name: string; compact?: boolean }) {
  const [zoom, setZoom] = useState(false);
  const [failed, setFailed] = useState(false);
  if (failed) return <p className="gl-note gl-note--warn">The image {name} could not be loaded.</p>;
  return (
    <>
      <button type="button" className={`gl-img ${compact ? 'gl-img--thumb' : ''}`} onClick={() => setZoom(true)} aria-label={`Zoom ${name}`}>
        <img src={src} alt={name} loading="lazy" decoding="async" onError={() => setFailed(true)} />
      </button>
      {zoom && <ImageZoom src={src} name={name} onClose={() => setZoom(false)} />}
    </>
  );
}

function ImageZoom({ src, name, onClose }: { src: string; name: string; onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      previous?.focus?.();
    };
  }, [onClose]);
  return (
    <div className="gl-zoom" role="dialog" aria-modal="true" aria-label={name} onClick={onClose}>
      <img src={src} alt={name} />
      <div className="gl-zoom__bar" onClick={(e) => e.stopPropagation()}>
        <span className="gl-zoom__name">{name}</span>
        <button ref={closeRef} type="button" className="gl-btn" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
