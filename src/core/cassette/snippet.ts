/**
 * A few lines of source around an error position, the error line marked with ">" and a caret
 * under the column, like compiler output. Lines are cut to keep a 50 MB single-line file readable.
 */

const CONTEXT_LINES = 2;
const MAX_LINE = 160;

function cut(line: string, column: number): { text: string; caret: number } {
  if (line.length <= MAX_LINE) return { text: line, caret: column };
  const start = Math.max(0, Math.min(column - MAX_LINE / 2, line.length - MAX_LINE));
  const prefix = start > 0 ? '…' : '';
  const suffix = start + MAX_LINE < line.length ? '…' : '';
  return {
    text: prefix + line.slice(start, start + MAX_LINE) + suffix,
    caret: column - start + prefix.length,
  };
}

/** Builds the snippet for a 1-based line and column; returns undefined if the line does not exist. */
export function buildSnippet(text: string, line: number, column = 1): string | undefined {
  if (line < 1) return undefined;
  // Walk line starts without splitting the whole file (which could be huge).
  let start = 0;
  for (let current = 1; current < line - CONTEXT_LINES; current++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return undefined;
    start = next + 1;
  }
  const first = Math.max(1, line - CONTEXT_LINES);
  const out: string[] = [];
  const width = String(line + CONTEXT_LINES).length;
  for (let current = first; current <= line + CONTEXT_LINES; current++) {
    if (start > text.length) break;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end).replace(/\r$/, '');
    const { text: shown, caret } = cut(raw, column);
    const marker = current === line ? '>' : ' ';
    out.push(`${marker} ${String(current).padStart(width)} | ${shown}`);
    if (current === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, caret - 1))}^`);
    if (end >= text.length) break;
    start = end + 1;
  }
  return out.length > 0 ? out.join('\n') : undefined;
}
