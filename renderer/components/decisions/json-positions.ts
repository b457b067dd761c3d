// Where things are in a JSON text: the span a JSON pointer names (validators report fields as
// pointers; the editor underlines them), and the position of a JSON.parse error (engines say
// "at position 42", newer ones add "(line 3 column 5)", some say nothing and we point at the end).
import { jsonLanguage } from '@codemirror/lang-json';
import type { SyntaxNode } from '@lezer/common';

export interface Span {
  from: number;
  to: number;
  /** False when only a parent of the field exists (a missing required key): the parent is marked. */
  exact: boolean;
}

const VALUE_NODES = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null']);

function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

function keyOf(nameNode: SyntaxNode, text: string): string {
  const raw = text.slice(nameNode.from, nameNode.to);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.replace(/^"|"$/g, '');
  }
}

/** The text span of the value at `pointer`, or of its deepest existing parent. */
export function pointerSpan(text: string, pointer: string): Span | undefined {
  const parts = parsePointer(pointer);
  if (!parts) return undefined;
  const tree = jsonLanguage.parser.parse(text);
  let node: SyntaxNode | null = tree.topNode.firstChild;
  while (node && !VALUE_NODES.has(node.name)) node = node.nextSibling;
  if (!node) return undefined;
  // A name node marks a property better than its whole (possibly huge) value.
  let mark: { from: number; to: number } = { from: node.from, to: Math.min(node.to, node.from + 1) };
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    let next: SyntaxNode | undefined;
    let nameMark: { from: number; to: number } | undefined;
    if (node.name === 'Object') {
      for (const prop of children(node)) {
        if (prop.name !== 'Property') continue;
        const name = prop.getChild('PropertyName');
        if (!name || keyOf(name, text) !== part) continue;
        next = children(prop).find((c) => VALUE_NODES.has(c.name));
        nameMark = { from: name.from, to: name.to };
      }
    } else if (node.name === 'Array' && /^\d+$/.test(part)) {
      next = children(node).filter((c) => VALUE_NODES.has(c.name))[Number(part)];
    }
    if (!next) return { ...mark, exact: false };
    node = next;
    mark = nameMark && (next.name === 'Object' || next.name === 'Array') ? nameMark : { from: next.from, to: next.to };
  }
  return { ...mark, exact: true };
}

export interface ParseError {
  message: string;
  pos: number;
  line: number;
  column: number;
}

export function lineColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      last = i;
    }
  }
  return { line, column: Math.min(pos, text.length) - last };
}

/** Offset of a 1-based line and column, clamped to the text. */
export function offsetOf(text: string, line: number, column: number): number {
  let pos = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', pos);
    if (nl === -1) return text.length;
    pos = nl + 1;
  }
  return Math.min(text.length, pos + Math.max(0, column - 1));
}

/** The JSON.parse error of `text`, with its position, or undefined when it parses. */
export function jsonParseError(text: string): ParseError | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const lc = /\(line (\d+) column (\d+)\)/.exec(raw);
    const at = /at position (\d+)/.exec(raw);
    let pos: number;
    if (lc) pos = offsetOf(text, Number(lc[1]), Number(lc[2]));
    else if (at) pos = Number(at[1]);
    else if (/end of (JSON )?input|unterminated/i.test(raw) || !text.trim()) pos = text.length;
    else pos = firstSyntaxError(text) ?? 0;
    pos = Math.max(0, Math.min(pos, text.length));
    const message = raw.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+( \(line \d+ column \d+\))?/, '');
    return { message, pos, ...lineColumn(text, pos) };
  }
}

function firstSyntaxError(text: string): number | undefined {
  let found: number | undefined;
  jsonLanguage.parser.parse(text).iterate({
    enter(n) {
      if (found !== undefined) return false;
      if (n.type.isError) {
        found = n.from;
        return false;
      }
      return undefined;
    },
  });
  return found;
}
