// The editor's problems in one list: the local JSON syntax error (known at once, no round trip)
// and the validator's issues (named by JSON pointer, placed in the text where the field is).
import type { Diagnostic } from '@codemirror/lint';
import type { ValidationIssue } from '../../../shared/decisions';
import { jsonParseError, lineColumn, offsetOf, pointerSpan, type ParseError } from './json-positions';

export interface EditIssue {
  severity: 'error' | 'warning';
  field: string;
  message: string;
  from?: number;
  to?: number;
  line?: number;
  column?: number;
  source: 'syntax' | 'validator';
}

export function syntaxIssue(text: string, language: 'json' | 'text'): ParseError | undefined {
  return language === 'json' ? jsonParseError(text) : undefined;
}

export function collectIssues(text: string, parseError: ParseError | undefined, issues: readonly ValidationIssue[]): EditIssue[] {
  if (parseError) {
    return [
      {
        severity: 'error',
        field: '',
        message: `Invalid JSON: ${parseError.message}`,
        from: parseError.pos,
        to: Math.min(text.length, parseError.pos + 1),
        line: parseError.line,
        column: parseError.column,
        source: 'syntax',
      },
    ];
  }
  return issues.map((i): EditIssue => {
    if (i.line !== undefined) {
      const from = offsetOf(text, i.line, i.column ?? 1);
      return { ...i, from, to: Math.min(text.length, from + 1), source: 'validator' };
    }
    const span = pointerSpan(text, i.field);
    if (!span) return { ...i, source: 'validator' };
    return { ...i, from: span.from, to: span.to, ...lineColumn(text, span.from), source: 'validator' };
  });
}

export function toDiagnostics(issues: readonly EditIssue[]): Diagnostic[] {
  return issues
    .filter((i) => i.from !== undefined)
    .map((i) => ({
      from: i.from!,
      to: Math.max(i.to ?? i.from!, i.from!),
      severity: i.severity,
      message: i.field ? `${i.field}: ${i.message}` : i.message,
      source: i.source === 'syntax' ? 'JSON' : 'validator',
    }));
}
