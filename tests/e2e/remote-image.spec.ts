/**
 * A remote image in a message (issues 4, 6, 8): it shows its host and loads nothing until the
 * user clicks; then it is fetched (no cookies, no referrer) and shown from a blob: URL, so the
 * page's CSP needs no remote img-src. A server that sends no CORS header cannot be read, and the
 * page says so. Two local servers (scripts/serve.mjs) serve a 1×1 PNG, with and without CORS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropFiles, expect, fixturePath, openSample, test } from './support/fixtures';

const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function serve(dir: string, cors: boolean): Promise<{ origin: string; child: ChildProcess }> {
  const args = ['scripts/serve.mjs', dir, '--port', String(await freePort()), '--host', '127.0.0.1'];
  if (cors) args.push('--cors');
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const origin = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`serve.mjs exited (${code}): ${output}`)));
  });
  return { origin, child };
}

/** The sample with a markdown image of `address` in the user's message. */
function cassetteWithImage(address: string): string {
  const sample = readFileSync(
    fixturePath('tests/fixtures/corpus/seed/multi_tool_streaming_kimi-k2_together.yaml'),
    'utf8',
  );
  return sample.replaceAll(
    'Add and multiply the number 2 and 3',
    `Add and multiply 2 and 3 ![chart](${address})`,
  );
}

let withCors: { origin: string; child: ChildProcess };
let withoutCors: { origin: string; child: ChildProcess };

test.beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cv-image-'));
  writeFileSync(join(dir, 'pixel.png'), PIXEL);
  withCors = await serve(dir, true);
  withoutCors = await serve(dir, false);
});

test.afterAll(() => {
  withCors?.child.kill();
  withoutCors?.child.kill();
});

test('a remote image loads only on a click, as a blob: image', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(withCors.origin)) requested.push(request.url());
  });
  await page.goto('./');
  await openSample(page);
  await dropFiles(page, [
    { name: 'with-image.yaml', content: cassetteWithImage(`${withCors.origin}/pixel.png`) },
  ]);
  const host = new URL(withCors.origin).host;
  const button = page.getByRole('button', { name: `Load image from ${host} — chart` }).first();
  await expect(button).toBeVisible();
  expect(requested, 'nothing is fetched before the click').toEqual([]);
  await button.click();
  const image = page.locator('img.md-image[alt="chart"]').first();
  await expect(image).toBeVisible();
  await expect(image).toHaveAttribute('src', /^blob:/);
  expect(await image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(1);
  expect(requested).toEqual([`${withCors.origin}/pixel.png`]);
});

test.describe('a server without CORS', () => {
  // Chromium logs the refused fetch on the console itself; that is expected here.
  test.use({ allowConsoleErrors: ['CORS policy', 'Failed to load resource', 'net::ERR_FAILED'] });

  test('says why the image cannot be shown', async ({ page }) => {
    await page.goto('./');
    await dropFiles(page, [
      { name: 'no-cors.yaml', content: cassetteWithImage(`${withoutCors.origin}/pixel.png`) },
    ]);
    const host = new URL(withoutCors.origin).host;
    await page
      .getByRole('button', { name: `Load image from ${host} — chart` })
      .first()
      .click();
    await expect(page.getByText(`Could not show the image from ${host}`).first()).toContainText('no CORS');
    await expect(page.locator('img.md-image')).toHaveCount(0);
  });
});
