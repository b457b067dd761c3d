// Turns raw bytes into text, or into a clear problem. Pipelines hand-write files, so BOMs,
// UTF-16 and binary garbage all occur; none of them may throw out of the core.
import type { ProblemDraft } from '../families/family-adapter';

export type DecodeResult =
  | { ok: true; text: string; problems: ProblemDraft[] }
  | { ok: false; problems: ProblemDraft[]; retryable: boolean };

const BINARY_SNIFF_BYTES = 8192;

export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) {
    return {
      ok: false,
      retryable: true,
      problems: [{ severity: 'error', field: '', code: 'file.empty', message: 'file is empty (0 bytes)' }],
    };
  }
  // UTF-16 with a BOM: decode it, but say so, because the pipelines themselves write UTF-8.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return (
      utf16(bytes.subarray(2), bytes[0] === 0xff, '') ?? {
        ok: false,
        retryable: false,
        problems: [{ severity: 'error', field: '', code: 'encoding.invalid_utf16', message: 'file has a UTF-16 byte-order mark but is not valid UTF-16' }],
      }
    );
  }
  const sniff = bytes.subarray(0, Math.min(bytes.length, BINARY_SNIFF_BYTES));
  if (sniff.includes(0)) {
    // UTF-16 without a byte-order mark (PowerShell's Out-File, some Windows editors) is text
    // with every other byte zero, not binary: read it, and say how it was recognised.
    const le = utf16WithoutBom(sniff);
    // Not valid UTF-16 after all: binary.
    const text = le === undefined ? undefined : utf16(bytes, le, ' without a byte-order mark');
    if (text) return text;
    return {
      ok: false,
      retryable: false,
      problems: [{ severity: 'error', field: '', code: 'file.binary', message: 'file holds binary data (NUL bytes), not text' }],
    };
  }
  const problems: ProblemDraft[] = [];
  let body = bytes;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    body = bytes.subarray(3);
    problems.push({
      severity: 'warning',
      field: '',
      code: 'encoding.bom',
      message: 'file starts with a UTF-8 byte-order mark; Python json.load in the pipeline would reject it',
    });
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    return { ok: true, text, problems };
  } catch {
    const offset = firstInvalidUtf8(body);
    return {
      ok: false,
      retryable: false,
      problems: [
        ...problems,
        { severity: 'error', field: '', code: 'encoding.invalid_utf8', message: `file is not valid UTF-8 (first bad byte at offset ${offset})` },
      ],
    };
  }
}

/** true: UTF-16LE, false: UTF-16BE, undefined: neither. Judged on mostly-ASCII text. */
function utf16WithoutBom(sniff: Uint8Array): boolean | undefined {
  const pairs = Math.floor(sniff.length / 2);
  if (pairs < 2) return undefined;
  let le = 0;
  let be = 0;
  const textByte = (b: number) => b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b < 0x7f);
  for (let i = 0; i + 1 < sniff.length; i += 2) {
    if (sniff[i + 1] === 0 && textByte(sniff[i])) le++;
    else if (sniff[i] === 0 && textByte(sniff[i + 1])) be++;
  }
  if (le >= pairs * 0.9) return true;
  if (be >= pairs * 0.9) return false;
  return undefined;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : (b & 0xe0) === 0xc0 ? 1 : (b & 0xf0) === 0xe0 ? 2 : (b & 0xf8) === 0xf0 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return i;
}

/** UTF-16 text, said to be UTF-16 in a warning (`how` tells how it was recognised); undefined when the bytes are not valid UTF-16. */
function utf16(bytes: Uint8Array, le: boolean, how: string): DecodeResult | undefined {
  try {
    const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes);
    const message = `file is UTF-16 (${le ? 'little' : 'big'}-endian)${how}; the pipeline's own reader expects UTF-8`;
    return { ok: true, text, problems: [{ severity: 'warning', field: '', code: 'encoding.utf16', message }] };
  } catch {
    return undefined;
  }
}
