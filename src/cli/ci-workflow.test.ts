/**
 * The example workflow (.github/workflows/cassettes.yml, docs/ci.md) runs on this repository's own
 * fixtures: its doctor gate passes on the paths it names, and the diff step names paths that exist
 * and the flags the command accepts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CliIo } from './cli-io';
import { runCli } from './main';

const root = fileURLToPath(new URL('../../', import.meta.url));
const workflow = parse(readFileSync(`${root}.github/workflows/cassettes.yml`, 'utf8')) as {
  env: Record<string, string>;
  jobs: { cassettes: { steps: Array<{ name?: string; run?: string }> } };
};
const step = (name: string) => workflow.jobs.cassettes.steps.find((candidate) => candidate.name === name)!;

describe('the example cassettes workflow', () => {
  it('gates with the doctor on fixtures that pass it', async () => {
    expect(step('Doctor gate').run).toBe('npx cassette-viewer doctor $DOCTOR_PATHS --fail-on error');
    const paths = workflow.env.DOCTOR_PATHS!.split(' ');
    const out = { stdout: '', stderr: '' };
    const io: CliIo = {
      stdout: (text) => void (out.stdout += text),
      stderr: (text) => void (out.stderr += text),
      readFile: async (path) => new Uint8Array(await readFile(path)),
    };
    // The workflow runs at the repository's top; absolute paths say the same from anywhere.
    const absolute = paths.map((path) => `${root}${path}`);
    expect(await runCli(['doctor', ...absolute, '--fail-on', 'error'], io)).toBe(0);
    expect(out.stderr).toMatch(/^doctor: [1-9]\d* files, \d+ findings?, 0 at or above error\n$/);
  });

  it('diffs existing paths against the base branch as markdown', () => {
    for (const path of workflow.env.DIFF_PATHS!.split(' '))
      expect(existsSync(`${root}${path}`), path).toBe(true);
    expect(step('Diff of the changed cassettes').run).toContain(
      'npx cassette-viewer diff --git-base "$BASE_REF" $DIFF_PATHS --format markdown > cassette-diff.md',
    );
  });
});
