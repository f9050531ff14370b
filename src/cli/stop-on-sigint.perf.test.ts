/**
 * Issue 19: Ctrl+C ends `cassette-viewer FILE` within 2 s (`npm run test:perf`, for a quiet
 * machine). The e2e spec tests/e2e/packed-cli.spec.ts checks, with no clock, that SIGINT ends the
 * installed command with exit 0; this measures how long it takes, with a browser-like keep-alive
 * connection still open (the usual reason a server outlives its Ctrl+C), and prints the time.
 *
 * It runs the bin and bundle in the layout the package installs (bin/, dist-cli/, dist/) in a
 * scratch folder, with a one-line page in dist/: what is timed is the server's stop, not the page.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLE = join(ROOT, 'tests/fixtures/corpus/seed/multi_tool_streaming_kimi-k2_together.yaml');
const URL_LINE = /^(http:\/\/127\.0\.0\.1:\d+\/)#local=([0-9a-f]{48})$/m;
const WITHIN_MS = 2_000;

/** Starts the server and resolves with its origin and token once it prints its address. */
function serve(bin: string): Promise<{ child: ChildProcess; origin: string; token: string }> {
  const child = spawn(process.execPath, [bin, SAMPLE, '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const found = output.match(URL_LINE);
      if (found) resolve({ child, origin: found[1]!, token: found[2]! });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`cassette-viewer exited with ${code}: ${output}`)));
  });
}

/** A GET over a keep-alive connection, as a browser leaves it open after loading the page. */
function fetchKeepAlive(url: string, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    }).on('error', reject);
  });
}

describe('cassette-viewer FILE: Ctrl+C (issue 19), timed', () => {
  let scratch: string;
  let bin: string;
  beforeAll(() => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, stdio: 'pipe' });
    scratch = mkdtempSync(join(tmpdir(), 'cv-sigint-'));
    for (const dir of ['bin', 'dist-cli', 'dist']) mkdirSync(join(scratch, dir));
    bin = join(scratch, 'bin', 'cassette-viewer.mjs');
    copyFileSync(join(ROOT, 'bin', 'cassette-viewer.mjs'), bin);
    copyFileSync(
      join(ROOT, 'dist-cli', 'cassette-viewer.mjs'),
      join(scratch, 'dist-cli', 'cassette-viewer.mjs'),
    );
    writeFileSync(join(scratch, 'dist', 'index.html'), '<!doctype html><title>Cassette Viewer</title>\n');
  }, 120_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it(`ends with exit 0 within ${WITHIN_MS} ms of SIGINT, a keep-alive connection open`, async () => {
    const server = await serve(bin);
    const agent = new Agent({ keepAlive: true });
    try {
      expect(await fetchKeepAlive(server.origin, agent)).toBe(200);
      expect(await fetchKeepAlive(`${server.origin}local/${server.token}/file/0`, agent)).toBe(200);
    } catch (error) {
      server.child.kill('SIGKILL');
      throw error;
    }
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve));
    const started = performance.now();
    server.child.kill('SIGINT');
    const code = await exited;
    const ms = performance.now() - started;
    agent.destroy();
    console.log(`cassette-viewer FILE: exit ${code} ${Math.round(ms)} ms after SIGINT`);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(WITHIN_MS);
  }, 60_000);
});
