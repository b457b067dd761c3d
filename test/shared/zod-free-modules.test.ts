// The renderer's first screen imports the model's constants and the transports' routes from
// modules without zod; the schemas and the contract re-export the very same values.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as contract from '../../shared/api-contract';
import * as routes from '../../shared/api-routes';
import * as model from '../../shared/model';
import * as constants from '../../shared/model-constants';

const root = path.resolve(__dirname, '..', '..');

describe('zod-free shared modules', () => {
  it('model-constants matches the schemas built from it, and model.ts re-exports it', () => {
    expect(model.FAMILIES).toBe(constants.FAMILIES);
    expect(model.FAMILY_LABELS).toBe(constants.FAMILY_LABELS);
    expect(model.RUN_STATUSES).toBe(constants.RUN_STATUSES);
    expect(model.DECISION_KINDS).toBe(constants.DECISION_KINDS);
    expect(model.familySchema.options).toEqual([...constants.FAMILIES]);
    expect(model.runStatusSchema.options).toEqual([...constants.RUN_STATUSES]);
    expect(model.decisionKindSchema.options).toEqual([...constants.DECISION_KINDS]);
    expect(Object.keys(constants.FAMILY_LABELS).sort()).toEqual([...constants.FAMILIES].sort());
  });

  it('api-contract re-exports the routes', () => {
    expect(contract.HTTP_ROUTES).toBe(routes.HTTP_ROUTES);
    expect(contract.ARTIFACT_PROTOCOL).toBe(routes.ARTIFACT_PROTOCOL);
    expect(contract.IPC_EVENT_CHANNEL).toBe(routes.IPC_EVENT_CHANNEL);
    expect(contract.ipcChannel('getRun')).toBe('greenlight:getRun');
    expect(routes.HTTP_ROUTES.api('getSnapshot')).toBe('/api/getSnapshot');
  });

  it('imports nothing at run time that would bring zod in', () => {
    for (const file of ['shared/model-constants.ts', 'shared/api-routes.ts', 'shared/gate-order.ts']) {
      const text = readFileSync(path.join(root, file), 'utf8');
      const runtimeImports = [...text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
      expect(runtimeImports, file).toEqual([]);
    }
  });
});
