// The one API both transports carry (Electron IPC through the preload, and HTTP for
// `greenlight serve`). Like GitHub Desktop's ipc-shared.ts: a single map from channel to
// signature, used to type both ends and to validate every argument on the receiving side.
import { z } from 'zod';
import {
  autoApproveRuleSchema,
  branchRequestSchema,
  decideRequestSchema,
  decisionOutcomeSchema,
  decisionPreviewSchema,
  editRequestSchema,
  editableArtifactSchema,
  validationIssueSchema,
} from './decisions';
import {
  artifactSchema,
  fileRefSchema,
  gateSchema,
  noticeSchema,
  problemSchema,
  rootSchema,
  runSchema,
  runSummarySchema,
} from './model';

const id = z.string().min(1).max(200);

export const snapshotSchema = z.object({
  roots: z.array(rootSchema),
  runs: z.array(runSummarySchema),
  gates: z.array(gateSchema),
  problemCount: z.object({ errors: z.number(), warnings: z.number() }),
  notices: z.array(noticeSchema),
  /** True once every root has finished its first full scan. */
  ready: z.boolean(),
  mode: z.enum(['electron', 'browser']),
  version: z.string(),
  /**
   * Present when only the inbox's first screen was asked for and sent: `gates` then holds the
   * oldest waiting gates (in the inbox's order, shared/gate-order.ts) and `runs` their runs, and
   * these are the desk's totals. The renderer draws the inbox from it and loads the full snapshot
   * next, so a desk with thousands of runs shows its inbox without waiting for all of them.
   */
  firstScreen: z.object({ waitingCount: z.number(), runCount: z.number() }).optional(),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

/** getSnapshot's optional request: `firstScreen: n` asks for the n oldest waiting gates and their runs only. */
export const snapshotRequestSchema = z.object({ firstScreen: z.number().int().min(1).max(500) });
export type SnapshotRequest = z.infer<typeof snapshotRequestSchema>;

export const artifactContentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('json'), value: z.unknown(), size: z.number() }),
  z.object({ type: z.literal('text'), text: z.string(), truncated: z.boolean(), size: z.number() }),
  /** Media and other files are not sent inline: the renderer loads them from the artifact route. */
  z.object({ type: z.literal('media'), mediaType: z.string(), size: z.number() }),
  z.object({ type: z.literal('url'), url: z.string() }),
  z.object({ type: z.literal('missing'), message: z.string() }),
]);
export type ArtifactContent = z.infer<typeof artifactContentSchema>;

export const artifactResultSchema = z.object({ artifact: artifactSchema, content: artifactContentSchema });
export type ArtifactResult = z.infer<typeof artifactResultSchema>;

export const fileViewSchema = z.object({
  file: fileRefSchema,
  text: z.string(),
  truncated: z.boolean(),
  problems: z.array(problemSchema),
});
export type FileView = z.infer<typeof fileViewSchema>;

function channel<A extends z.ZodTuple, R extends z.ZodTypeAny>(args: A, result: R) {
  return { args, result };
}

export const apiContract = {
  getSnapshot: channel(z.tuple([snapshotRequestSchema.optional()]), snapshotSchema),
  getRun: channel(z.tuple([id]), runSchema.nullable()),
  listProblems: channel(z.tuple([]), z.array(problemSchema)),
  getArtifact: channel(z.tuple([id]), artifactResultSchema.nullable()),
  getFile: channel(z.tuple([id]), fileViewSchema.nullable()),
  /** Electron only: the browser cannot pick folders on the machine that serves it. */
  addRoot: channel(z.tuple([z.string().min(1).max(4096)]), rootSchema),
  removeRoot: channel(z.tuple([id]), z.boolean()),
  /** Electron only: open an artifact file with the system's default application. */
  openArtifactExternally: channel(z.tuple([id]), z.boolean()),
  /** What deciding would write where (shown in the confirmation), or why it cannot. */
  previewDecision: channel(z.tuple([id, z.enum(['approve', 'reject'])]), decisionPreviewSchema),
  decide: channel(z.tuple([decideRequestSchema]), decisionOutcomeSchema),
  listAutoApprove: channel(z.tuple([]), z.array(autoApproveRuleSchema)),
  setAutoApprove: channel(z.tuple([z.object({ rootId: id, runId: id.optional(), enabled: z.boolean() })]), z.array(autoApproveRuleSchema)),
  /** An artifact loaded for editing, with its revision and earlier edits. */
  getEditable: channel(z.tuple([id]), editableArtifactSchema.nullable()),
  validateEdit: channel(z.tuple([id, z.string().max(16 * 1024 * 1024)]), z.array(validationIssueSchema)),
  saveEdit: channel(z.tuple([editRequestSchema]), decisionOutcomeSchema),
  previewBranch: channel(z.tuple([branchRequestSchema]), decisionPreviewSchema),
  branchRun: channel(z.tuple([branchRequestSchema]), decisionOutcomeSchema),
} as const;

export type ApiContract = typeof apiContract;
export type Channel = keyof ApiContract;
export type ChannelArgs<C extends Channel> = z.infer<ApiContract[C]['args']>;
export type ChannelResult<C extends Channel> = z.infer<ApiContract[C]['result']>;
export type ApiHandlers = { [C in Channel]: (...args: ChannelArgs<C>) => Promise<ChannelResult<C>> };

export const CHANNELS = Object.keys(apiContract) as Channel[];

/** Pushed to every connected renderer when the index changes. */
export const deskEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('index'),
    upserted: z.array(runSummarySchema),
    removed: z.array(z.string()),
    gates: z.array(gateSchema),
    problemCount: z.object({ errors: z.number(), warnings: z.number() }),
    /** Runs whose detail changed (the open run view refetches), and the files that changed. */
    changedRuns: z.array(z.string()),
    changedFiles: z.array(fileRefSchema),
  }),
  z.object({ type: z.literal('roots'), roots: z.array(rootSchema) }),
  z.object({ type: z.literal('notice'), notice: noticeSchema }),
  z.object({ type: z.literal('ready') }),
]);
export type DeskEvent = z.infer<typeof deskEventSchema>;

// Re-exported so existing imports keep working; they live apart so the renderer can load them without zod.
export { ARTIFACT_PROTOCOL, HTTP_ROUTES, IPC_EVENT_CHANNEL, ipcChannel } from './api-routes';
