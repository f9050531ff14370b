/**
 * A plain-text summary of what the corpus test found, rewritten on every run, so the engineers
 * writing formats and adapters can see at a glance what is left, grouped by cassette format and
 * API family. Written to $CORPUS_STATUS_FILE, else /tmp/team/corpus-status.txt when /tmp/team exists
 * (the team's shared folder); silently skipped elsewhere (CI, a fresh clone).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { describeMismatch, type Mismatch } from './compare-facts';

export interface FileStatus {
  file: string;
  format: string;
  outcome: 'report' | 'load-error' | 'exception' | 'not-run';
  /** Load error or exception text, first line. */
  problem?: string;
  mismatches: Mismatch[];
  /** Other findings (detection without the name, unlinked tool results). */
  notes: string[];
  ms?: number;
}

function statusPath(): string | null {
  if (process.env.CORPUS_STATUS_FILE) return process.env.CORPUS_STATUS_FILE;
  return existsSync('/tmp/team') ? '/tmp/team/corpus-status.txt' : null;
}

function countBy<T>(items: T[], key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export function renderStatus(statuses: FileStatus[], header: string): string {
  const all = statuses.flatMap((s) => s.mismatches);
  const clean = statuses.filter(
    (s) => s.outcome === 'report' && s.mismatches.length === 0 && s.notes.length === 0,
  );
  const lines: string[] = [
    header,
    `written ${new Date().toISOString()} by tests/corpus/corpus.test.ts (npx vitest run tests/corpus)`,
    '',
    `files: ${statuses.length}, fully matching: ${clean.length}, ` +
      `load errors: ${statuses.filter((s) => s.outcome === 'load-error').length}, ` +
      `exceptions: ${statuses.filter((s) => s.outcome === 'exception').length}, ` +
      `not run: ${statuses.filter((s) => s.outcome === 'not-run').length}, field mismatches: ${all.length}`,
    '',
    '== files that do not load, by format ==',
  ];
  for (const s of statuses.filter((x) => x.outcome !== 'report')) {
    lines.push(`  [${s.format}] ${s.file}: ${s.outcome}${s.problem ? `: ${s.problem}` : ''}`);
  }
  lines.push('', '== HTTP-side mismatches (issue 3), by format / field ==');
  for (const [key, n] of countBy(
    all.filter((m) => m.group === 'http'),
    (m) => `${m.format} / ${m.field}`,
  )) {
    lines.push(`  ${String(n).padStart(4)}  ${key}`);
  }
  lines.push('', '== LLM-side mismatches (issue 4), by api_family / field ==');
  for (const [key, n] of countBy(
    all.filter((m) => m.group === 'llm'),
    (m) => `${m.apiFamily} / ${m.field}`,
  )) {
    lines.push(`  ${String(n).padStart(4)}  ${key}`);
  }
  const timed = statuses.filter((s) => s.ms !== undefined).sort((a, b) => (b.ms ?? 0) - (a.ms ?? 0));
  lines.push('', '== slowest loads (load + analyze + report, in this Vitest worker) ==');
  for (const s of timed.slice(0, 5)) lines.push(`  ${(s.ms ?? 0).toFixed(1).padStart(8)} ms  ${s.file}`);
  lines.push('', '== other findings ==');
  for (const s of statuses) for (const note of s.notes) lines.push(`  ${s.file}: ${note}`);
  lines.push('', '== every mismatch, per file ==');
  for (const s of statuses) {
    if (s.mismatches.length === 0) continue;
    lines.push(`${s.file} [${s.format}]`);
    for (const m of s.mismatches) lines.push(`  [${m.apiFamily}] ${describeMismatch(m)}`);
  }
  return lines.join('\n') + '\n';
}

export function writeStatus(statuses: FileStatus[], header: string): void {
  const path = statusPath();
  if (!path) return;
  try {
    writeFileSync(path, renderStatus(statuses, header));
  } catch {
    // A status file is a courtesy; never fail the tests over it.
  }
}
