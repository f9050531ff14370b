/**
 * `cassette-viewer doctor PATH… [--json] [--fail-on error|warning]`: the stream doctor the page
 * shows (core/doctor, through analyzeCassette) as a CI gate. Files and folders (every
 * cassette-looking file inside, cassette-files.ts); one line per finding,
 *
 *   path:interaction:event severity kind message      (`:event` only when the finding names one)
 *
 * counted from 0 like `inspect --json`'s `index` and `event_index`. A file that cannot be read is
 * a finding of its own (`unreadable`, an error). Exit 1 when a finding is at or above --fail-on
 * (default error; information never counts, core/doctor/is-problem.ts), 0 otherwise, 2 on misuse.
 * Everything that came from a file is escaped for the terminal, as inspect does (oneLine).
 */
import { isAbsolute, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeCassette } from '../core/analyze';
import { loadCassette } from '../core/cassette';
import { isProblem } from '../core/doctor/is-problem';
import type { AnomalySeverity } from '../core/model/anomaly';
import { CassetteLoadError } from '../core/model/errors';
import { findCassetteFiles } from './cassette-files';
import { EXIT, describeFsError, describeLoadFailure, oneLine, safeJson, type CliIo } from './cli-io';

export const DOCTOR_USAGE = 'usage: cassette-viewer doctor PATH… [--json] [--fail-on error|warning]';

export interface DoctorFinding {
  file: string;
  /** null for a file that could not be read. */
  interaction: number | null;
  event: number | null;
  severity: AnomalySeverity;
  kind: string;
  message: string;
}

const RANK: Record<AnomalySeverity, number> = { info: 0, warning: 1, error: 2 };

/** True when the finding fails the gate: a problem (never info) at or above the threshold. */
export function failsGate(finding: Pick<DoctorFinding, 'severity'>, failOn: 'error' | 'warning'): boolean {
  return isProblem(finding) && RANK[finding.severity] >= RANK[failOn];
}

/**
 * The findings of one file's bytes; a file that cannot be read is one `unreadable` finding: an
 * error, except for a file found inside a folder that no format recognizes and that has no syntax
 * error (a folder of tests also holds other JSON and YAML, such as fixtures' facts), which is a
 * warning (`not-a-cassette`), so `--fail-on warning` still catches it.
 */
export function doctorFile(file: string, bytes: Uint8Array, inFolder = false): DoctorFinding[] {
  try {
    const analyzed = analyzeCassette(loadCassette(bytes, file));
    return analyzed.anomalies.map((anomaly) => ({
      file,
      interaction: anomaly.exchangeIndex,
      event: anomaly.eventIndex ?? null,
      severity: anomaly.severity,
      kind: anomaly.kind,
      message: anomaly.message,
    }));
  } catch (error) {
    const message =
      error instanceof CassetteLoadError
        ? describeLoadFailure(file, error.failure)
        : `cannot read ${file}: internal error (${String(error)})`;
    const foreign = inFolder && error instanceof CassetteLoadError && error.failure.line === undefined;
    return [
      foreign
        ? { file, interaction: null, event: null, severity: 'warning', kind: 'not-a-cassette', message }
        : { file, interaction: null, event: null, severity: 'error', kind: 'unreadable', message },
    ];
  }
}

/** `path:interaction:event severity kind message`, one terminal-safe line. */
export function formatFinding(finding: DoctorFinding): string {
  let where = oneLine(finding.file, 300);
  if (finding.interaction !== null) where += `:${finding.interaction}`;
  if (finding.event !== null) where += `:${finding.event}`;
  return `${where} ${finding.severity} ${finding.kind} ${oneLine(finding.message, 400)}`;
}

export async function runDoctor(argv: string[], io: CliIo): Promise<number> {
  let paths: string[];
  let json: boolean;
  let failOn: 'error' | 'warning';
  try {
    const parsed = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean' },
        'fail-on': { type: 'string', default: 'error' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (parsed.values.help) {
      io.stdout(
        `${DOCTOR_USAGE}\n\nRun the stream doctor on cassettes and folders of them (recursively, files named like\ncassettes). One line per finding: path:interaction:event severity kind message (counted from 0).\nExit 1 when a finding is at or above --fail-on (error by default; information never counts),\n0 otherwise, 2 on misuse. A file that cannot be read is an error finding (one inside a folder\nthat is not a cassette at all, a not-a-cassette warning).\n`,
      );
      return EXIT.ok;
    }
    const threshold = parsed.values['fail-on'];
    if (threshold !== 'error' && threshold !== 'warning')
      throw new Error(`--fail-on must be error or warning, not "${threshold}"`);
    failOn = threshold;
    json = parsed.values.json === true;
    paths = parsed.positionals;
  } catch (error) {
    io.stderr(
      `cassette-viewer: ${oneLine(error instanceof Error ? error.message : String(error))}; ${DOCTOR_USAGE}\n`,
    );
    return EXIT.usage;
  }
  if (paths.length === 0) {
    io.stderr(`cassette-viewer: doctor needs a PATH; ${DOCTOR_USAGE}\n`);
    return EXIT.usage;
  }
  let files: string[];
  let inFolder: boolean[];
  try {
    const found = await findCassetteFiles(paths);
    files = relativeToCwd(found.files.map((file) => file.absolute));
    inFolder = found.files.map((file) => file.inFolder);
  } catch (error) {
    io.stderr(`cassette-viewer: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
    return EXIT.usage;
  }
  const findings: DoctorFinding[] = [];
  for (const [index, file] of files.entries()) {
    let bytes: Uint8Array;
    try {
      bytes = await io.readFile(file);
    } catch (error) {
      const message = describeFsError(file, error);
      findings.push({ file, interaction: null, event: null, severity: 'error', kind: 'unreadable', message });
      continue;
    }
    for (const finding of doctorFile(file, bytes, inFolder[index])) findings.push(finding);
  }
  const failing = findings.filter((finding) => failsGate(finding, failOn)).length;
  if (json) {
    // safeJson: no raw control or bidi character from a file reaches the terminal (issue 14).
    io.stdout(safeJson({ files: files.length, fail_on: failOn, failing, findings }) + '\n');
  } else {
    for (const finding of findings) io.stdout(`${formatFinding(finding)}\n`);
    const summary = `${files.length} file${files.length === 1 ? '' : 's'}, ${findings.length} finding${findings.length === 1 ? '' : 's'}, ${failing} at or above ${failOn}`;
    io.stderr(`doctor: ${summary}\n`);
  }
  return failing > 0 ? EXIT.failed : EXIT.ok;
}

/** Paths as the user would type them: relative to the current folder when inside it. */
function relativeToCwd(files: string[]): string[] {
  const cwd = process.cwd();
  return files.map((file) => {
    const shown = relative(cwd, file);
    return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? file : shown;
  });
}
