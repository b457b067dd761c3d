// `aivideo.config.json`: which aivideo backend a folder's exports came from, so a later
// issue can call POST /api/video/{id}/continue. It names the environment variable that holds
// the Firebase bearer token; a token written into the file is refused and never kept.
import { avConfigSchema } from '../../../../shared/schemas/aivideo';
import { zodProblems } from '../../validate/zod-problems';
import type { ParseInput, ProblemDraft } from '../family-adapter';
import type { AvConfigRecord } from './records';

const KNOWN = new Set(['baseUrl', 'tokenEnv']);
const SECRET_KEY = /token|secret|password|passwd|bearer|api[_-]?key|auth|credential/i;

export function parseConfig(input: ParseInput): { record: AvConfigRecord; problems: ProblemDraft[] } {
  const problems: ProblemDraft[] = [];
  const record: AvConfigRecord = { kind: 'config' };
  const data = input.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({
      severity: 'error',
      field: '',
      code: 'av.config',
      message: 'aivideo.config.json must be an object such as {"baseUrl": "https://api.example.com", "tokenEnv": "AIVIDEO_TOKEN"}',
    });
    return { record, problems };
  }
  const o = data as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (KNOWN.has(key)) continue;
    if (SECRET_KEY.test(key)) {
      problems.push({
        severity: 'error',
        field: `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        code: 'av.config_secret',
        message: `"${key}" looks like a credential: never store it in the file (it is ignored); put it in an environment variable and name that variable in "tokenEnv"`,
      });
    } else {
      problems.push({ severity: 'warning', field: `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, code: 'schema.unknown_key', message: `unknown key "${key}" (known: baseUrl, tokenEnv)` });
    }
  }
  const r = avConfigSchema.safeParse({ baseUrl: o.baseUrl, tokenEnv: o.tokenEnv });
  if (!r.success) problems.push(...zodProblems(r.error));
  if (typeof o.baseUrl === 'string' && !problems.some((p) => p.field === '/baseUrl')) record.baseUrl = o.baseUrl.replace(/\/+$/, '');
  if (typeof o.tokenEnv === 'string' && !problems.some((p) => p.field === '/tokenEnv')) record.tokenEnv = o.tokenEnv;
  return { record, problems };
}
