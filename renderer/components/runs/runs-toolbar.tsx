import { FAMILIES, FAMILY_LABELS, RUN_STATUSES, type Family, type RunStatus } from '../../../shared/model-constants';
import { useDeskStore } from '../../stores/desk-store';
import { resetRunsFilter, setRunsFilter, setRunsQuery, useUiStore } from '../../stores/ui-store';
import { statusLabel } from '../common/status';

export function RunsToolbar({ shown, total }: { shown: number; total: number }) {
  const query = useUiStore((s) => s.runsQuery);
  const filter = useUiStore((s) => s.runsFilter);
  const roots = useDeskStore((s) => s.roots);
  const filtered = query !== '' || filter.family !== 'all' || filter.status !== 'all' || filter.waitingOnly || filter.rootId !== 'all';
  return (
    <div className="toolbar" role="search">
      <input
        type="search"
        className="search-input"
        placeholder="Search title, project or run id"
        aria-label="Search runs"
        value={query}
        data-search-input
        data-testid="runs-search"
        onChange={(e) => setRunsQuery(e.target.value)}
      />
      {roots.length > 1 ? (
        <select aria-label="Folder" value={filter.rootId} onChange={(e) => setRunsFilter({ rootId: e.target.value })}>
          <option value="all">All folders</option>
          {roots.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      ) : null}
      <select
        aria-label="Family"
        data-testid="runs-family"
        value={filter.family}
        onChange={(e) => setRunsFilter({ family: e.target.value as Family | 'all' })}
      >
        <option value="all">All families</option>
        {FAMILIES.map((f) => (
          <option key={f} value={f}>
            {FAMILY_LABELS[f]}
          </option>
        ))}
      </select>
      <select
        aria-label="Status"
        data-testid="runs-status"
        value={filter.status}
        onChange={(e) => setRunsFilter({ status: e.target.value as RunStatus | 'all' })}
      >
        <option value="all">Any status</option>
        {RUN_STATUSES.map((s) => (
          <option key={s} value={s}>
            {statusLabel(s)}
          </option>
        ))}
      </select>
      <label className="check">
        <input
          type="checkbox"
          checked={filter.waitingOnly}
          data-testid="runs-waiting-only"
          onChange={(e) => setRunsFilter({ waitingOnly: e.target.checked })}
        />
        Has waiting gates
      </label>
      <span className="toolbar-count" aria-live="polite">
        {filtered ? `${shown} of ${total} runs` : `${total} runs`}
      </span>
      {filtered ? (
        <button type="button" className="link-button" onClick={resetRunsFilter}>
          Clear
        </button>
      ) : null}
    </div>
  );
}
