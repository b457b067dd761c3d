// An OpenMontage project as the pipeline's own writer leaves it at a gate: `json.dump(…,
// indent=2)` with Python's defaults (non-ASCII escaped, floats like 30.0, no trailing newline),
// keys in write_checkpoint's order, plus a metadata object whose integer-like keys JSON.parse
// would move to the front.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { makeTempDir } from '../../../../helpers/temp-dir';

export const PROJECT = 'projects/reef';
export const SCRIPT_REL = `${PROJECT}/checkpoint_script.json`;
export const PROPOSAL_REL = `${PROJECT}/checkpoint_proposal.json`;
export const SCRIPT_TS = '2026-07-12T08:43:27.800620+00:00';

export const MANIFEST = `name: reef-explainer
version: "1.0"
stages:
  - name: proposal
    checkpoint_required: true
    human_approval_default: true
  - name: script
    checkpoint_required: true
    human_approval_default: true
  - name: edit
    checkpoint_required: true
`;

export const SCRIPT_AWAITING = `{
  "version": "1.0",
  "project_id": "reef",
  "pipeline_type": "reef-explainer",
  "stage": "script",
  "status": "awaiting_human",
  "timestamp": "${SCRIPT_TS}",
  "checkpoint_policy": "guided",
  "human_approval_required": true,
  "human_approved": false,
  "artifacts": {
    "script": {
      "version": "1.0",
      "title": "Reef \\u2014 a city of polyps",
      "total_duration_seconds": 30.0,
      "sections": [
        {
          "id": "s1",
          "text": "Coral is an animal.",
          "start_seconds": 0.0,
          "end_seconds": 7.5
        }
      ]
    }
  },
  "cost_snapshot": {
    "spent_usd": 0.0,
    "budget_usd": 2.5,
    "paid_calls": []
  },
  "metadata": {
    "10": "integer-like key stays where it was",
    "preview": "renders/animatic.mp4",
    "2": "and so does this one",
    "empty": {}
  }
}`;

export const PROPOSAL_AWAITING = `{
  "version": "1.0",
  "project_id": "reef",
  "pipeline_type": "reef-explainer",
  "stage": "proposal",
  "status": "awaiting_human",
  "timestamp": "2026-07-12T08:00:00.000100+00:00",
  "checkpoint_policy": "guided",
  "human_approval_required": true,
  "human_approved": false,
  "artifacts": {
    "proposal_packet": {
      "version": "1.0",
      "selected_concept": {
        "concept_id": "c1",
        "rationale": "Shortest path to the hook."
      },
      "cost_estimate": {
        "total_estimated_usd": 0.05,
        "line_items": [
          {
            "tool": "openai_tts",
            "operation": "30s narration",
            "estimated_usd": 0.05
          }
        ],
        "budget_verdict": "within_budget"
      },
      "approval": {
        "status": "pending"
      }
    }
  }
}
`;

export function omProject() {
  const t = makeTempDir('greenlight-omw-');
  t.write('pipeline_defs/reef-explainer.yaml', MANIFEST);
  t.write(SCRIPT_REL, SCRIPT_AWAITING);
  t.write(PROPOSAL_REL, PROPOSAL_AWAITING);
  return { ...t, abs: (rel: string) => path.join(t.dir, ...rel.split('/')), read: (rel: string) => readFileSync(path.join(t.dir, ...rel.split('/')), 'utf8') };
}
