import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commonFolder, findCassetteFiles } from './cassette-files';
import type { CliIo } from './cli-io';
import { startLocalServer, type LocalManifest, type LocalServer } from './local-server';
import { runOpen } from './open-command';

const readBytes = async (path: string) => new Uint8Array(await readFile(path));

/** A raw GET, so the test controls the path and the Host header exactly (fetch normalizes both). */
function get(port: number, path: string, host = `127.0.0.1:${port}`, method = 'GET') {
  return new Promise<{ status: number; body: string; type: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method, headers: { host }, agent: false },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body, type: String(response.headers['content-type']) }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('local server', () => {
  let scratch: string;
  let app: string;
  let folder: string;
  let server: LocalServer;
  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'cv-serve-'));
    app = join(scratch, 'app');
    mkdirSync(join(app, 'assets'), { recursive: true });
    writeFileSync(join(app, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(app, 'assets', 'main.js'), 'console.log(1)');
    folder = join(scratch, 'cassettes');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    writeFileSync(join(folder, 'a.yaml'), 'interactions: []\n');
    writeFileSync(join(folder, 'sub', 'b.json'), '{}');
    writeFileSync(join(folder, 'readme.md'), 'not a cassette');
    writeFileSync(join(scratch, 'secret.yaml'), 'SECRET-CONTENT');
    symlinkSync(join(scratch, 'secret.yaml'), join(folder, 'link.yaml'));
    const found = await findCassetteFiles([folder]);
    server = await startLocalServer({ appDir: app, found, readFile: readBytes });
  });
  afterAll(async () => {
    await server.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('lists only the regular cassette files of the folder, never a symbolic link', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#local=${server.token}`);
    expect(server.token).toMatch(/^[0-9a-f]{48}$/);
    const index = await get(server.port, `/local/${server.token}/index.json`);
    expect(index.status).toBe(200);
    const manifest = JSON.parse(index.body) as LocalManifest;
    expect(manifest.kind).toBe('folder');
    expect(manifest.root).toContain('cassettes');
    expect(manifest.files.map((file) => file.path)).toEqual(['a.yaml', 'sub/b.json']);
    const file = await get(server.port, manifest.files[0]!.url);
    expect(file).toMatchObject({ status: 200, body: 'interactions: []\n' });
  });

  it('answers a run of files at once (the folder overview), and no range outside the list', async () => {
    const manifest = JSON.parse(
      (await get(server.port, `/local/${server.token}/index.json`)).body,
    ) as LocalManifest;
    expect(manifest.batch).toBe(`/local/${server.token}/files/`);
    const batch = await get(server.port, `${manifest.batch}0-2`);
    expect(batch.status).toBe(200);
    const [length, rest] = [
      Number(batch.body.split('\n')[0]),
      batch.body.slice(batch.body.indexOf('\n') + 1),
    ];
    expect(JSON.parse(rest.slice(0, length))).toEqual([{ size: 17 }, { size: 2 }]);
    expect(rest.slice(length)).toBe('interactions: []\n{}');
    for (const range of ['0-3', '1-1', '2-1', '-1-1', '0-', 'a-b', '00-1'])
      expect((await get(server.port, `${manifest.batch}${range}`)).status, range).toBe(404);
    expect((await get(server.port, `/local/${'0'.repeat(48)}/files/0-1`)).status).toBe(403);
  });

  it('refuses the files without the token, and with a wrong one', async () => {
    const wrong = server.token.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    for (const path of [
      `/local/${wrong}/index.json`,
      `/local/${wrong}/file/0`,
      '/local//file/0',
      '/local/index.json',
      `/local/${server.token.slice(0, 10)}/file/0`,
    ]) {
      const response = await get(server.port, path);
      expect(response.status, path).toBe(403);
      expect(response.body).not.toContain('interactions');
    }
  });

  it('answers nothing outside the app and the named files', async () => {
    expect((await get(server.port, '/')).body).toContain('<title>app</title>');
    expect((await get(server.port, '/assets/main.js')).type).toMatch(/^text\/javascript/);
    for (const path of [
      '/../secret.yaml',
      '/%2e%2e/secret.yaml',
      '/assets/../../secret.yaml',
      '/assets',
      `/local/${server.token}/file/2`,
      `/local/${server.token}/file/-1`,
      `/local/${server.token}/file/01`,
      `/local/${server.token}/file/0/x`,
      `/local/${server.token}/`,
      '/etc/passwd',
    ]) {
      const response = await get(server.port, path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain('SECRET');
    }
    expect((await get(server.port, '/', `127.0.0.1:${server.port}`, 'POST')).status).toBe(405);
  });

  it('refuses a Host that is not this server (DNS rebinding)', async () => {
    expect((await get(server.port, '/', `evil.example:${server.port}`)).status).toBe(403);
    expect((await get(server.port, `/local/${server.token}/index.json`, 'evil.example')).status).toBe(403);
  });

  it('refuses a listed file that became a link out of the folder after the walk', async () => {
    const target = join(folder, 'sub', 'b.json');
    unlinkSync(target);
    symlinkSync(join(scratch, 'secret.yaml'), target);
    try {
      const response = await get(server.port, `/local/${server.token}/file/1`);
      expect(response.status).toBe(410);
      expect(response.body).not.toContain('SECRET');
      expect(response.body).toMatch(/^Cannot read sub\/b\.json: outside the folder/);
    } finally {
      unlinkSync(target);
      writeFileSync(target, '{}');
    }
  });
});

describe('open command', () => {
  function captureIo() {
    const out = { stdout: '', stderr: '' };
    const io: CliIo = {
      stdout: (text) => void (out.stdout += text),
      stderr: (text) => void (out.stderr += text),
      readFile: readBytes,
    };
    return { io, out };
  }

  it('prints the URL with --no-open, serves the named file and stops when asked', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'cv-open-'));
    writeFileSync(join(scratch, 'index.html'), '<!doctype html>');
    const seed = new URL(
      '../../tests/fixtures/corpus/seed/multi_tool_streaming_kimi-k2_together.yaml',
      import.meta.url,
    );
    let stop = () => {};
    let listening: LocalServer | null = null;
    const { io, out } = captureIo();
    const done = runOpen([seed.pathname, '--no-open'], io, {
      appDir: scratch,
      stopped: () => new Promise<void>((resolve) => (stop = resolve)),
      onListening: (server) => (listening = server),
    });
    await expect.poll(() => listening).not.toBeNull();
    const server = listening as unknown as LocalServer;
    expect(out.stdout).toContain(`${server.url}\n`);
    const manifest = JSON.parse(
      (await get(server.port, `/local/${server.token}/index.json`)).body,
    ) as LocalManifest;
    expect(manifest).toMatchObject({
      root: expect.stringMatching(/tests\/fixtures\/corpus\/seed$/),
      kind: 'files',
      files: [{ path: 'multi_tool_streaming_kimi-k2_together.yaml' }],
    });
    const file = await get(server.port, manifest.files[0]!.url);
    expect(file.body).toBe(readFileSync(seed, 'utf8'));
    stop();
    expect(await done).toBe(0);
    await expect(get(server.port, '/')).rejects.toThrow(/ECONNREFUSED/);
    rmSync(scratch, { recursive: true, force: true });
  });

  it('says what is wrong with a missing path or a folder without cassettes, and --help says what it serves', async () => {
    const missing = captureIo();
    expect(await runOpen(['/no/such/file.yaml', '--no-open'], missing.io, { appDir: '/tmp' })).toBe(1);
    expect(missing.out.stderr).toMatch(/no such file or folder/);
    const help = captureIo();
    expect(await runOpen(['--help'], help.io)).toBe(0);
    expect(help.out.stdout).toMatch(/127\.0\.0\.1/);
    expect(help.out.stdout).toMatch(/Nothing outside them/);
  });
});

describe('commonFolder', () => {
  it('names the deepest folder holding all the named files', () => {
    expect(commonFolder(['/a/b/c', '/a/b/d/e'])).toBe('/a/b');
    expect(commonFolder(['/a/b'])).toBe('/a/b');
    expect(commonFolder(['/x/y', '/z'])).toBe('/');
  });
});
