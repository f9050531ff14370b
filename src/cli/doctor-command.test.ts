import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editStream } from '../../tests/support/broken-fixtures';
import type { CliIo } from './cli-io';
import { doctorFile, failsGate, formatFinding, runDoctor } from './doctor-command';

const SEED = new URL(
  '../../tests/fixtures/corpus/seed/multi_tool_streaming_kimi-k2_together.yaml',
  import.meta.url,
);

/** The seed with its second stream cut after half its events (no finish chunk, no [DONE]). */
function cutSecondStream(text: string): string {
  return editStream(text, 1, (blocks) => blocks.slice(0, Math.floor(blocks.length / 2)));
}

function realIo() {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    readFile: async (path) => new Uint8Array(await readFile(path)),
  };
  return { io, out };
}

describe('doctor', () => {
  const seed = readFileSync(SEED, 'utf8');
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'cv-doctor-'));
    mkdirSync(join(folder, 'nested'));
    writeFileSync(join(folder, 'healthy.yaml'), seed);
    writeFileSync(join(folder, 'nested', 'also-healthy.yml'), seed);
    writeFileSync(join(folder, 'notes.txt'), 'not a cassette, not read');
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('finds the cut stream in the edited seed and names its interaction and event', () => {
    const findings = doctorFile('cut.yaml', new TextEncoder().encode(cutSecondStream(seed)));
    const cut = findings.find((finding) => finding.kind === 'no-terminal-event');
    expect(cut).toMatchObject({ interaction: 1, severity: 'error' });
    expect(formatFinding(cut!)).toMatch(
      /^cut\.yaml:1:\d+ error no-terminal-event stream stops after event \d+/,
    );
  });

  it('exits 0 on a folder of healthy files, 1 with one cut stream among them, 0 once it is removed', async () => {
    const healthy = realIo();
    expect(await runDoctor([folder], healthy.io)).toBe(0);
    expect(healthy.out.stderr).toMatch(/^doctor: 2 files, \d+ findings?, 0 at or above error\n$/);

    writeFileSync(join(folder, 'nested', 'cut.yaml'), cutSecondStream(seed));
    const broken = realIo();
    expect(await runDoctor([folder], broken.io)).toBe(1);
    expect(broken.out.stdout).toMatch(/nested\/cut\.yaml:1:\d+ error no-terminal-event /);
    expect(broken.out.stderr).toMatch(/3 files, .*1 at or above error/);

    rmSync(join(folder, 'nested', 'cut.yaml'));
    expect(await runDoctor([folder], realIo().io)).toBe(0);
  });

  it('--json lists the findings as data and --fail-on warning counts warnings', async () => {
    const edited = seed
      .replace('finish_reason":"tool_calls"', 'finish_reason":"length"')
      .replaceAll('"max_tokens":4000,', '');
    writeFileSync(join(folder, 'early-stop.yaml'), edited);
    try {
      const asError = realIo();
      expect(await runDoctor([join(folder, 'early-stop.yaml'), '--json'], asError.io)).toBe(0);
      const report = JSON.parse(asError.out.stdout);
      expect(report.findings).toContainEqual(
        expect.objectContaining({ severity: 'warning', interaction: 0 }),
      );
      expect(report.failing).toBe(0);
      const asWarning = realIo();
      expect(await runDoctor([join(folder, 'early-stop.yaml'), '--fail-on', 'warning'], asWarning.io)).toBe(
        1,
      );
    } finally {
      rmSync(join(folder, 'early-stop.yaml'));
    }
  });

  it('a file that cannot be read is an error finding; information never fails the gate', async () => {
    const findings = doctorFile('junk.yaml', new TextEncoder().encode('hello: world\n'));
    expect(findings).toEqual([
      expect.objectContaining({ kind: 'unreadable', severity: 'error', interaction: null }),
    ]);
    expect(formatFinding(findings[0]!)).toMatch(/^junk\.yaml error unreadable cannot read junk\.yaml/);
    expect(failsGate({ severity: 'info' }, 'warning')).toBe(false);
    expect(failsGate({ severity: 'warning' }, 'error')).toBe(false);
  });

  it('inside a folder, JSON that is no cassette is a warning, a cassette with broken syntax an error', async () => {
    const side = mkdtempSync(join(tmpdir(), 'cv-doctor-side-'));
    try {
      writeFileSync(join(side, 'ok.yaml'), seed);
      writeFileSync(join(side, 'facts.json'), '{"expected": 2}');
      const lenient = realIo();
      expect(await runDoctor([side], lenient.io)).toBe(0);
      expect(lenient.out.stdout).toMatch(/facts\.json warning not-a-cassette cannot read/);
      expect(await runDoctor([side, '--fail-on', 'warning'], realIo().io)).toBe(1);
      // Named on its own, the same file is an error: the user said it was a cassette.
      expect(await runDoctor([join(side, 'facts.json')], realIo().io)).toBe(1);
      writeFileSync(join(side, 'torn.yaml'), 'interactions:\n  - request: {\n      url: "x\n');
      const strict = realIo();
      expect(await runDoctor([side], strict.io)).toBe(1);
      expect(strict.out.stdout).toMatch(/torn\.yaml error unreadable /);
    } finally {
      rmSync(side, { recursive: true, force: true });
    }
  });

  it('escapes terminal controls from the file name and message', () => {
    const line = formatFinding({
      file: 'evil\u001b[2J.yaml',
      interaction: 0,
      event: null,
      severity: 'error',
      kind: 'http-error',
      message: 'HTTP 500: \u202eboom\nnext',
    });
    expect(line).toBe('evil\\u{1b}[2J.yaml:0 error http-error HTTP 500: \\u{202e}boom next');
  });

  it('refuses misuse with exit 2', async () => {
    for (const argv of [[], ['--fail-on', 'info', 'x'], ['--jsn', 'x'], ['/no/such/path']]) {
      const { io, out } = realIo();
      expect(await runDoctor(argv, io)).toBe(2);
      expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});
