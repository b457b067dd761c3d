// The append-only record of every decision, edit and branch: `<root>/.greenlight/audit.jsonl`.
// One JSON object per line, written with a single write() on an O_APPEND descriptor and
// fsynced, so concurrent writers interleave whole lines and a crash leaves no torn line
// behind a complete one.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const AUDIT_DIR = '.greenlight';
export const AUDIT_FILE = 'audit.jsonl';

export const auditEntrySchema = z.object({
  at: z.string(),
  by: z.string(),
  action: z.enum(['approve', 'reject', 'edit', 'branch', 'auto-approve', 'refused']),
  family: z.string(),
  gateKey: z.string().optional(),
  gateId: z.string().optional(),
  runId: z.string().optional(),
  file: z.string().optional(),
  before: z.string().nullable().optional(),
  after: z.string().nullable().optional(),
  note: z.string().optional(),
  auto: z.boolean().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export function auditPath(rootPath: string): string {
  return path.join(rootPath, AUDIT_DIR, AUDIT_FILE);
}

export async function appendAudit(rootPath: string, entry: AuditEntry): Promise<void> {
  const file = auditPath(rootPath);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const line = JSON.stringify(auditEntrySchema.parse(entry)) + '\n';
  const h = await fs.open(file, 'a', 0o644);
  try {
    await h.write(line);
    await h.sync();
  } finally {
    await h.close();
  }
}

/** Every well-formed entry; a malformed line (hand-edited, or cut by a full disk) is skipped. */
export async function readAudit(rootPath: string): Promise<AuditEntry[]> {
  const text = await fs.readFile(auditPath(rootPath), 'utf8').catch(() => '');
  const out: AuditEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const r = auditEntrySchema.safeParse(JSON.parse(line));
      if (r.success) out.push(r.data);
    } catch {
      /* skipped */
    }
  }
  return out;
}
