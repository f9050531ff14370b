/**
 * What a command needs from the outside world, passed in so the commands run the same under the
 * real process (entry.ts) and in tests (captured strings, no child process).
 */
import type { LoadFailure } from '../core/model/errors';

export interface CliIo {
  /** Write to standard output as-is. */
  stdout(text: string): void;
  /** Write to standard error as-is. */
  stderr(text: string): void;
  /** Read a whole file; rejects with a Node-style error (`code` = ENOENT, EISDIR, …). */
  readFile(path: string): Promise<Uint8Array>;
  /** True when `path` exists on disk (a file or a folder); lets `cassette-viewer FILE` mean `open FILE`. */
  isPath?(path: string): boolean;
}

/** A command: argv after the command name in, exit code out. Never throws (main.ts guards anyway). */
export type CliCommand = (argv: string[], io: CliIo) => Promise<number>;

/** Exit codes, following the common Unix convention (grep, diff): 1 = failed, 2 = misused. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/**
 * Collapse any text to one printable line: the CLI promises exactly one line on stderr, and a
 * message may quote the file (newlines, ANSI escapes, bidi overrides) that must not reach the
 * terminal raw.
 */
export function oneLine(text: string, maxCodePoints = 600): string {
  const flat = text
    .replace(/\s+/g, ' ')
    .replace(
      /[\p{Cc}\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu,
      (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`,
    )
    .trim();
  const codePoints = Array.from(flat);
  return codePoints.length > maxCodePoints ? codePoints.slice(0, maxCodePoints - 1).join('') + '…' : flat;
}

/**
 * Characters that must not reach a terminal as they are (issue 14): C0 controls but the line break
 * (ESC starts the sequences that move the cursor or, with OSC 52, write the clipboard; BEL), DEL,
 * C1 controls (U+0080–U+009F: 8-bit CSI and OSC), the bidi controls and marks that reorder what
 * is shown ("Trojan Source", CVE-2021-42574: U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069),
 * zero-width characters, U+2028/U+2029 and the BOM.
 */
const TERMINAL_UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point.
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** The same set without C0, which JSON.stringify already writes as \u escapes (ECMA-262 QuoteJSONString). */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Human output made safe for a terminal: every unsafe character shown as `\u{1b}`; line breaks kept. */
export function terminalText(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (char) => `\\u{${char.charCodeAt(0).toString(16)}}`);
}

/**
 * A value as JSON text whose strings carry no raw control, C1 or bidi character: they are written
 * as `\uXXXX` escapes, which any JSON reader turns back into the same string. They can only occur
 * inside strings (JSON's own syntax is ASCII), so the replacement keeps the JSON valid.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    JSON_UNSAFE,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** "line 3, column 7" style location of a load failure, or ''. */
function location(failure: LoadFailure): string {
  if (failure.line === undefined) return '';
  return failure.column === undefined
    ? `line ${failure.line}`
    : `line ${failure.line}, column ${failure.column}`;
}

/**
 * The one-line message for a cassette that cannot be read (inspect-json.md: "one line on stderr
 * that says what was tried and why it failed, with line and column for YAML syntax errors").
 */
export function describeLoadFailure(fileName: string, failure: LoadFailure): string {
  const parts = [`cannot read ${fileName}: ${failure.message}`];
  const where = location(failure);
  if (where !== '' && !failure.message.includes(where)) parts[0] += ` (${where})`;
  if (failure.attempts.length > 0) {
    parts.push(
      `tried ${failure.attempts.map((attempt) => `${attempt.format} (${attempt.reason})`).join(', ')}`,
    );
  }
  return oneLine(parts.join('; '));
}

const FS_REASONS = new Map([
  ['ENOENT', 'no such file'],
  ['EISDIR', 'it is a directory, not a file'],
  ['EACCES', 'permission denied'],
  ['EPERM', 'permission denied'],
  ['ENAMETOOLONG', 'the path is too long'],
  ['ERR_FS_FILE_TOO_LARGE', 'the file is too large to read at once'],
]);

/** Why Node could not read a path, in words, from its error code. */
export function describeFsError(path: string, error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const reason = FS_REASONS.get(code) ?? (error instanceof Error ? error.message : String(error));
  return oneLine(`cannot open ${path}: ${reason}`);
}
