/**
 * The human form of `inspect` (without `--json`): a header with the file, format and count, one
 * fixed-width row per interaction, then warnings. It prints the same report object as `--json`, so
 * the two outputs can never disagree. Plain text only: no colours, so it is safe in CI logs.
 */
import { appendAll, maxOf } from '../../lib/arrays';
import { codePointLength, firstCodePoints } from './code-points';
import type { InspectInteraction, InspectReport } from './inspect-report';

interface Column {
  title: string;
  /** Right-align numbers so they line up. */
  numeric?: boolean;
  /** Cap for free text (URL, model, text) so a row stays on one line. */
  max?: number;
  cell: (row: InspectInteraction) => string;
}

const COLUMNS: Column[] = [
  { title: '#', numeric: true, cell: (row) => String(row.index) },
  { title: 'method', cell: (row) => row.method },
  { title: 'url', max: 60, cell: (row) => row.url },
  { title: 'status', numeric: true, cell: (row) => (row.status === null ? '-' : String(row.status)) },
  { title: 'api', cell: (row) => row.api },
  { title: 'model', max: 32, cell: (row) => row.model ?? '-' },
  {
    title: 'stream',
    cell: (row) => (row.stream_format ? `${row.stream_format}:${row.stream_events ?? 0}` : '-'),
  },
  { title: 'ms', numeric: true, cell: (row) => (row.duration_ms === null ? '-' : formatMs(row.duration_ms)) },
  { title: 'in', numeric: true, cell: (row) => tokens(row.usage?.input_tokens) },
  { title: 'out', numeric: true, cell: (row) => tokens(row.usage?.output_tokens) },
  { title: 'finish', cell: (row) => row.finish_reason ?? '-' },
  { title: 'tools', max: 40, cell: toolsCell },
];

/** Render the report as a text table, lines joined with LF and ending with one. */
export function formatInspectTable(report: InspectReport): string {
  const lines: string[] = [];
  const noun = report.interaction_count === 1 ? 'interaction' : 'interactions';
  lines.push(`${report.file}  ${report.format}  ${report.interaction_count} ${noun}`);
  if (report.interactions.length > 0) {
    lines.push('');
    const cells = report.interactions.map((row) =>
      COLUMNS.map((column) => fit(column.cell(row), column.max)),
    );
    const widths = COLUMNS.map((column, i) =>
      maxOf(
        cells.map((row) => codePointLength(row[i] ?? '')),
        codePointLength(column.title),
      ),
    );
    lines.push(
      renderRow(
        COLUMNS.map((column) => column.title),
        widths,
      ),
    );
    for (const row of cells) lines.push(renderRow(row, widths));
    const details = report.interactions.flatMap(detailLines);
    if (details.length > 0) appendAll(lines, ['', ...details]);
  }
  const doctor = doctorLine(report);
  if (doctor) lines.push('', doctor);
  if (report.warnings.length > 0) {
    lines.push('', `warnings (${report.warnings.length}):`);
    for (const warning of report.warnings) lines.push(`  - ${singleLine(warning)}`);
  }
  return lines.join('\n') + '\n';
}

/** Text, errors and anomalies, which do not fit in a column, under the table. */
function detailLines(row: InspectInteraction): string[] {
  const lines: string[] = [];
  if (row.error !== null) lines.push(`  #${row.index} error: ${fit(row.error, 160)}`);
  if (row.text) lines.push(`  #${row.index} text: ${fit(row.text, 100)}`);
  if (row.audio_transcript !== null)
    lines.push(`  #${row.index} audio transcript: ${fit(row.audio_transcript, 100)}`);
  if (row.images > 0) lines.push(`  #${row.index} images generated: ${row.images}`);
  // Information (a stop at the cap the request set) is labelled as such, never as an anomaly.
  for (const detail of row.anomaly_details)
    lines.push(
      `  #${row.index} ${detail.severity === 'info' ? 'info' : 'anomaly'}: ${fit(detail.message, 160)}`,
    );
  return lines;
}

/** "doctor: 2 problems (1 error, 1 warning), 1 note"; problems never count information (issue 16). */
function doctorLine(report: InspectReport): string | null {
  let errors = 0;
  let warnings = 0;
  let notes = 0;
  for (const row of report.interactions) {
    for (const detail of row.anomaly_details) {
      if (detail.severity === 'error') errors += 1;
      else if (detail.severity === 'warning') warnings += 1;
      else notes += 1;
    }
  }
  if (errors + warnings + notes === 0) return null;
  const problems = errors + warnings;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [`doctor: ${plural(problems, 'problem')}`];
  if (problems > 0) parts[0] += ` (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  if (notes > 0) parts.push(plural(notes, 'note'));
  return parts.join(', ');
}

function renderRow(cells: string[], widths: number[]): string {
  return cells
    .map((cell, i) => {
      const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - codePointLength(cell)));
      return COLUMNS[i]?.numeric ? pad + cell : cell + pad;
    })
    .join('  ')
    .trimEnd();
}

function toolsCell(row: InspectInteraction): string {
  const names = [...row.tool_calls, ...row.server_tool_calls.map((name) => `${name}*`)];
  return names.length > 0 ? names.join(',') : '-';
}

function tokens(value: number | null | undefined): string {
  return value === null || value === undefined ? '-' : String(value);
}

function formatMs(ms: number): string {
  return ms >= 100 ? String(Math.round(ms)) : ms.toFixed(1);
}

/** One line, cut to `max` code points with an ellipsis; control characters shown escaped. */
function fit(text: string, max?: number): string {
  const line = singleLine(text);
  if (max === undefined || codePointLength(line) <= max) return line;
  return firstCodePoints(line, max - 1) + '…';
}

/**
 * Newlines become `⏎`, other control characters (including ESC, so a cassette cannot drive the
 * terminal) and bidi/zero-width format characters become `\u{…}` escapes.
 */
export function singleLine(text: string): string {
  return text
    .replace(/\r?\n/g, '⏎')
    .replace(/[\p{Cc}\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu, (char) => {
      const code = char.codePointAt(0) ?? 0;
      return `\\u{${code.toString(16)}}`;
    });
}
