import type { StageVersion } from '../../../shared/model';
import { formatAbsolute, formatRelative } from '../common/format';
import { StatusDot } from '../common/status-dot';

/** Earlier versions of a stage: attempts, history copies, artifact versions. */
export function StageVersions({ versions, now }: { versions: StageVersion[]; now: number }) {
  return (
    <ol className="stage-versions" aria-label="Versions">
      {versions.map((v, i) => (
        <li key={`${v.label}-${v.fileId ?? i}`} className={v.current ? 'is-current' : ''}>
          {v.status ? <StatusDot status={v.status} /> : <span className="dot tone-grey" aria-hidden="true" />}
          <span className="version-label">{v.label}</span>
          {v.current ? <span className="tag">current</span> : null}
          {v.rel ? <span className="mono muted version-rel">{v.rel}</span> : null}
          {v.timestamp ? (
            <span className="muted version-time" title={formatAbsolute(v.timestamp)}>
              {formatRelative(v.timestamp, now)}
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
