// Hash routes, so a reload keeps the place and e2e tests can navigate by URL:
// #/inbox, #/runs, #/runs/<runId>?stage=<stageId>&tab=iterations, #/problems.
export type RunTab = 'stages' | 'iterations';

export type Route =
  | { name: 'inbox' }
  | { name: 'runs' }
  | { name: 'run'; runId: string; stageId?: string; tab?: RunTab }
  | { name: 'problems' };

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const pathPart = q === -1 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q === -1 ? '' : raw.slice(q + 1));
  const parts = pathPart.split('/').filter(Boolean);
  if (parts[0] === 'runs' && parts[1]) {
    const runId = safeDecode(parts.slice(1).join('/'));
    const stageId = params.get('stage') || undefined;
    const tab = params.get('tab') === 'iterations' ? 'iterations' : undefined;
    return { name: 'run', runId, ...(stageId ? { stageId } : {}), ...(tab ? { tab } : {}) };
  }
  if (parts[0] === 'runs') return { name: 'runs' };
  if (parts[0] === 'problems') return { name: 'problems' };
  return { name: 'inbox' };
}

export function formatRoute(route: Route): string {
  switch (route.name) {
    case 'inbox':
      return '#/inbox';
    case 'runs':
      return '#/runs';
    case 'problems':
      return '#/problems';
    case 'run': {
      const params = new URLSearchParams();
      if (route.stageId) params.set('stage', route.stageId);
      if (route.tab && route.tab !== 'stages') params.set('tab', route.tab);
      const qs = params.toString();
      return `#/runs/${encodeURIComponent(route.runId)}${qs ? `?${qs}` : ''}`;
    }
  }
}

export function sameRoute(a: Route, b: Route): boolean {
  return formatRoute(a) === formatRoute(b);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
