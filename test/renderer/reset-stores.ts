// Puts every store of the shell back to its first state, with a fresh fake transport.
import { setTransport } from '../../renderer/transport/current-transport';
import { resetDesk } from '../../renderer/stores/desk-store';
import { closeRun } from '../../renderer/stores/run-store';
import { DEFAULT_PROBLEM_FILTER, useProblemsStore } from '../../renderer/stores/problems-store';
import { DEFAULT_RUNS_FILTER, useUiStore } from '../../renderer/stores/ui-store';
import { FakeTransport } from './fake-transport';

export function resetStores(): FakeTransport {
  const transport = new FakeTransport();
  setTransport(transport);
  resetDesk();
  closeRun();
  useProblemsStore.setState({ problems: [], status: 'idle', stale: true, active: false, filter: DEFAULT_PROBLEM_FILTER, error: undefined });
  useUiStore.setState({
    route: { name: 'inbox' },
    backTo: { name: 'inbox' },
    themePreference: 'system',
    systemDark: false,
    inboxSelection: undefined,
    runsSelection: undefined,
    runsQuery: '',
    runsFilter: DEFAULT_RUNS_FILTER,
    highlights: {},
    toasts: [],
    shortcutsOpen: false,
  });
  if (typeof window !== 'undefined') window.location.hash = '';
  return transport;
}
