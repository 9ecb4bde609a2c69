/**
 * Moves positions recorded against the text a run saw onto the text the editor holds now.
 * Sites and fix edits come from the run; the user may have edited since. A position is mapped
 * only when its line is still there unchanged, so a diagnostic or fix never lands on a line
 * that means something else. No vscode import: tested with node --test.
 */
import type { TextEdit } from '../analysis/findings';

export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** How the lines of `before` moved in `after`: an unchanged prefix and suffix around one changed block. */
export class LineMap {
  private readonly prefix: number;
  private readonly suffix: number;
  readonly identical: boolean;

  constructor(
    readonly before: readonly string[],
    readonly after: readonly string[],
  ) {
    const max = Math.min(before.length, after.length);
    let p = 0;
    while (p < max && before[p] === after[p]) p++;
    let s = 0;
    while (s < max - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
    this.prefix = p;
    this.suffix = s;
    this.identical = p === before.length && before.length === after.length;
  }

  static of(before: string, after: string): LineMap {
    return new LineMap(splitLines(before), splitLines(after));
  }

  /** The 1-based line in `after` holding the same text as `line` of `before`, or null. */
  map(line: number): number | null {
    const { before, after } = this;
    if (line < 1 || line > before.length) return null;
    if (this.identical || line <= this.prefix) return line;
    if (line > before.length - this.suffix) return line + (after.length - before.length);
    // Inside the changed block: the same line text, if it is there unambiguously.
    const text = before[line - 1]!;
    if (text.trim() === '') return null;
    const lo = this.prefix + 1;
    const hi = after.length - this.suffix;
    const oldLo = this.prefix + 1;
    const oldHi = before.length - this.suffix;
    const found: number[] = [];
    for (let l = lo; l <= hi; l++) if (after[l - 1] === text) found.push(l);
    // Repeated text (e.g. two identical layer lines) matches by order when the count is
    // unchanged; otherwise which copy survived would be a guess.
    const olds: number[] = [];
    for (let l = oldLo; l <= oldHi; l++) if (before[l - 1] === text) olds.push(l);
    if (found.length === 0 || olds.length !== found.length) return null;
    return found[olds.indexOf(line)] ?? null;
  }

  /** The edit moved onto `after`, or null when any line it touches changed. */
  mapEdit(edit: TextEdit): TextEdit | null {
    const start = this.map(edit.startLine);
    if (start === null) return null;
    const delta = start - edit.startLine;
    // An end at column 1 of the line after the last touched one does not depend on that line's text.
    const lastTouched = edit.endColumn === 1 && edit.endLine > edit.startLine ? edit.endLine - 1 : edit.endLine;
    for (let l = edit.startLine; l <= lastTouched; l++) {
      if (l > this.before.length) return null;
      const m = this.map(l);
      if (m === null || m - l !== delta) return null;
    }
    if (edit.endLine + delta > this.after.length + 1) return null;
    return { ...edit, startLine: edit.startLine + delta, endLine: edit.endLine + delta };
  }
}

/**
 * Columns (1-based, end exclusive) to underline for a site: the call that starts at `column` when it
 * closes on the same line (`sgd(5)` in `compile({ optimizer: tf.train.sgd(5), ... })`), an assignment
 * from its target, else from `column` to the end of the line's content.
 */
export function contentSpan(lineText: string, column: number): { start: number; end: number } {
  const end = lineText.replace(/\s+$/, '').length + 1;
  const firstNonSpace = lineText.length - lineText.replace(/^\s+/, '').length + 1;
  let start = Math.max(1, Math.min(column, end));
  // A site past the content (or on an empty tail) still marks the line's content.
  if (start >= end) start = Math.min(firstNonSpace, end);
  // V8 places an assignment at its `=`: underline from what is assigned to.
  if (start === column && lineText[start - 1] === '=' && !/[=>]/.test(lineText[start] ?? '') && !/[=!<>]/.test(lineText[start - 2] ?? '')) {
    const target = /[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*\s*$/.exec(lineText.slice(0, start - 1));
    if (target) return { start: target.index + 1, end };
  }
  const call = start === column ? callEnd(lineText, column) : null;
  return { start, end: call ?? Math.max(end, start) };
}

const CALLEE = /^[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*\s*\(/;

/** The column just past the `)` that closes a call starting at `column`, when it is on this line. */
function callEnd(lineText: string, column: number): number | null {
  const head = CALLEE.exec(lineText.slice(column - 1));
  if (!head) return null;
  let depth = 0;
  let quote: string | null = null;
  for (let i = column - 1 + head[0].length - 1; i < lineText.length; i++) {
    const c = lineText[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '/' && lineText[i + 1] === '/') return null;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return c === ')' ? i + 2 : null;
    }
  }
  return null;
}
