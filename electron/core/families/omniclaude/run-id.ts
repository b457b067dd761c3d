// Run ids as OmniClaude handles them. The model field is a Python UUID (any of the textual
// forms `uuid.UUID()` accepts, re-serialised lower-case and hyphenated), and the CLI turns a
// short id such as `a1b2c3d4` (the ticket pipeline's `str(uuid4())[:8]`) into
// `uuid5(NAMESPACE, id)` before it names the run folder, so the folder for `a1b2c3d4` is
// `4fa2159f-9c61-5f8b-9ae5-28692b46cbd7`.
import { createHash } from 'node:crypto';
import { OC_RUN_ID_NAMESPACE } from '../../../../shared/schemas/omniclaude';

/**
 * The canonical lower-case hyphenated form of a UUID string, or undefined when it is not one.
 * Mirrors Python's `uuid.UUID(str)`: drops `urn:`/`uuid:` and surrounding braces, ignores
 * hyphens, then wants exactly 32 hex digits.
 */
export function canonicalUuid(value: string): string | undefined {
  const h = value
    .replace(/urn:/g, '')
    .replace(/uuid:/g, '')
    .replace(/^[{}]+|[{}]+$/g, '')
    .replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(h)) return undefined;
  const l = h.toLowerCase();
  return `${l.slice(0, 8)}-${l.slice(8, 12)}-${l.slice(12, 16)}-${l.slice(16, 20)}-${l.slice(20)}`;
}

/** RFC 4122 version-5 UUID (SHA-1 of namespace bytes + UTF-8 name). */
export function uuid5(namespace: string, name: string): string {
  const ns = canonicalUuid(namespace);
  if (!ns) throw new Error(`not a UUID namespace: ${namespace}`);
  const hash = createHash('sha1')
    .update(Buffer.from(ns.replace(/-/g, ''), 'hex'))
    .update(Buffer.from(name, 'utf8'))
    .digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** What the CLI's `_normalize_run_id` would make of `id`: a UUID unchanged, anything else uuid5'd. */
export function normalizeRunId(id: string): { uuid: string; short: boolean } {
  const c = canonicalUuid(id);
  if (c) return { uuid: c, short: false };
  return { uuid: uuid5(OC_RUN_ID_NAMESPACE, id), short: true };
}
