/**
 * A remote image in a message (issues 4, 6, 8): it shows its host and loads nothing until the
 * user clicks; then it is fetched (no cookies, no referrer) and shown from a blob: URL, so the
 * page's CSP needs no remote img-src. A server that sends no CORS header cannot be read, and the
 * page says so. Two local servers (scripts/serve.mjs) serve a 1×1 PNG, with and without CORS.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropFiles, expect, fixturePath, openSample, test } from './support/fixtures';
import { serveDirectory, type StaticServer } from './support/static-server';

const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

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

let withCors: StaticServer;
let withoutCors: StaticServer;

test.beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cv-image-'));
  writeFileSync(join(dir, 'pixel.png'), PIXEL);
  withCors = await serveDirectory(dir, true);
  withoutCors = await serveDirectory(dir, false);
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
