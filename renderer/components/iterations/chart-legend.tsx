// What the chart's marks mean, in the same shapes and colours the chart draws.
export function ChartLegend({ downsampled }: { downsampled?: { drawn: number; total: number } }) {
  return (
    <div className="gl-legend" aria-label="Chart legend">
      <span className="gl-legend__item">
        <span className="gl-dot gl-tone--ok" aria-hidden="true" /> APPROVE
      </span>
      <span className="gl-legend__item">
        <span className="gl-dot gl-tone--warn" aria-hidden="true" /> SOFT_FAIL
      </span>
      <span className="gl-legend__item">
        <span className="gl-dot gl-tone--bad" aria-hidden="true" /> HARD_FAIL
      </span>
      <span className="gl-legend__item">
        <span className="gl-dot gl-tone--neutral" aria-hidden="true" /> other
      </span>
      {!downsampled && (
        <>
          <span className="gl-legend__item">
            <svg width="10" height="8" viewBox="0 0 10 8" aria-hidden="true" className="gl-legend__regression">
              <path d="M0,0 L10,0 L5,7 Z" />
            </svg>{' '}
            regression
          </span>
          <span className="gl-legend__item">
            <span className="gl-legend__plateau" aria-hidden="true" /> plateau (|Δ| &lt; 0.2 for 2+ steps)
          </span>
        </>
      )}
      <span className="gl-legend__item">
        <span className="gl-legend__gap" aria-hidden="true" /> no score
      </span>
      {downsampled && (
        <span className="gl-legend__note">
          Drawing {downsampled.drawn} of {downsampled.total} points (lowest and highest per stretch kept); every iteration, with its regression and plateau marks, is in the table.
        </span>
      )}
    </div>
  );
}
