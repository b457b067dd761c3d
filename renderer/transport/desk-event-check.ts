// The live stream's frames are checked against the contract before they reach the stores.
// The check needs zod (about a quarter of the renderer's code), so it lives in its own module
// that the HTTP transport loads when the first frame arrives, not before the inbox shows.
import { deskEventSchema, type DeskEvent } from '../../shared/api-contract';

/** The event, with the contract's defaults applied, or undefined when the frame does not match. */
export function parseDeskEvent(raw: unknown): DeskEvent | undefined {
  const parsed = deskEventSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
