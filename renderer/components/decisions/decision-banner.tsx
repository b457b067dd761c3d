// The banner at the top of the main pane after a decision wrote nothing because the file had
// changed (or a decision made outside its dialog was refused). It stays until dismissed.
import { dismissBanner, useDecisionStore } from '../../stores/decision-store';

export function DecisionBanner() {
  const banner = useDecisionStore((s) => s.banner);
  if (!banner) return null;
  return (
    <div className="dc-banner dc-banner--page" role="alert" data-testid="decision-banner">
      <div>
        <strong>{banner.title}</strong>
        {banner.detail ? <div className="dc-banner__detail">{banner.detail}</div> : null}
      </div>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={dismissBanner}>
        ×
      </button>
    </div>
  );
}
