import { formatScore } from '../checkpoint/format-values';
import { decisionTone } from './decision-tone';

/**
 * A 0–10 bar with the normalised value, and the raw value on its own scale when that differs
 * (Twinklr's old judge scored 0–100; reviewers may use 0–5).
 */
export function ScoreBar({
  score,
  rawScore,
  scale,
  decision,
  label = 'Score',
}: {
  score: number | undefined;
  rawScore?: number;
  scale?: number;
  decision?: string;
  label?: string;
}) {
  const value = score !== undefined && Number.isFinite(score) ? Math.min(10, Math.max(0, score)) : undefined;
  // Without a decision, colour by the judge thresholds (APPROVE ≥ 7, SOFT_FAIL ≥ 5).
  const tone = decision ? decisionTone(decision) : value === undefined ? 'neutral' : value >= 7 ? 'ok' : value >= 5 ? 'warn' : 'bad';
  const showRaw = rawScore !== undefined && (scale !== undefined ? scale !== 10 || rawScore !== score : rawScore !== score);
  return (
    <div className="gl-score">
      <span className="gl-score__label">{label}</span>
      <div
        className="gl-score__track"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={10}
        aria-valuenow={value}
        aria-valuetext={value === undefined ? 'no score' : `${formatScore(value)} out of 10`}
      >
        {value !== undefined && <div className={`gl-score__fill gl-tone--${tone}`} style={{ width: `${value * 10}%` }} />}
      </div>
      <span className="gl-score__value">
        <strong>{formatScore(value)}</strong>
        <span className="gl-muted">/10</span>
        {showRaw && (
          <span className="gl-muted gl-score__raw">
            {' '}
            (raw {rawScore}
            {scale !== undefined ? ` / ${scale}` : ''})
          </span>
        )}
      </span>
    </div>
  );
}
