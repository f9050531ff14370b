/**
 * Issue 6 acceptance, sharing a secret-bearing cassette: a copy of the sample with an
 * `Authorization: Bearer sk-…` header (added here), Share, decode the link's payload in Node and
 * check the secret is gone, then open the link in a fresh browser context: same interactions, same
 * selection and view.
 */
import { readFileSync } from 'node:fs';
import { decodeSharePayload } from '../../src/core/share/share-codec';
import { dropFiles, expect, test } from './support/fixtures';

const SAMPLE = 'tests/fixtures/corpus/seed/multi_tool_streaming_kimi-k2_together.yaml';
const SECRET = 'sk-or-v1-e2e5ecret0123456789abcdef0123456789';

function sampleWithKey(): string {
  const text = readFileSync(SAMPLE, 'utf8').replace(
    /( {12}Accept:\n)/g,
    `            Authorization:\n              - Bearer ${SECRET}\n$1`,
  );
  expect(text).toContain(SECRET);
  return text;
}

test('Share masks the key, and the link reopens the same interactions and selection', async ({
  page,
  browser,
}) => {
  // Two page loads, two worker loads and a download on a shared 2-core machine.
  test.setTimeout(90_000);
  await page.goto('./');
  await dropFiles(page, [{ name: 'keyed.yaml', content: sampleWithKey() }]);
  await expect(page.getByRole('status').first()).toHaveText(/2 interactions/, { timeout: 30_000 });
  const rows = page.locator('.exchange-table__body [role=row]');
  await rows.nth(1).click();
  await page.getByRole('tab', { name: /Raw/ }).click();
  await expect(page).toHaveURL(/#i=2&view=raw$/);

  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: /Share/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('table')).toContainText('Authorization header');
  await expect(dialog).not.toContainText(SECRET);
  const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  await expect(dialog).toContainText(`${link.length.toLocaleString('en-US')} characters`);
  await page.screenshot({ path: test.info().outputPath('share-dialog.png') });

  const params = new URLSearchParams(link.split('#')[1]);
  expect(params.get('i')).toBe('2');
  expect(params.get('view')).toBe('raw');
  const shared = decodeSharePayload(params.get('c') ?? '');
  expect(link).not.toContain(SECRET);
  expect(shared.text).not.toContain(SECRET);
  expect(shared.text).toContain('Bearer <MASKED_');

  // "Download masked cassette" writes the file back in its own format, without the key.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download masked cassette' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('keyed.masked.yaml');
  const downloaded = readFileSync((await download.path()) ?? '', 'utf8');
  expect(downloaded).not.toContain(SECRET);
  expect(downloaded).toBe(sampleWithKey().split(SECRET).join('<MASKED_AUTHORIZATION_HEADER_1>'));

  const context = await browser.newContext();
  try {
    const fresh = await context.newPage();
    const errors: string[] = [];
    fresh.on('pageerror', (error) => errors.push(error.message));
    await fresh.goto(link);
    await expect(fresh.getByRole('status').first()).toHaveText(/2 interactions/, { timeout: 30_000 });
    const freshRows = fresh.locator('.exchange-table__body [role=row]');
    await expect(freshRows).toHaveCount(2);
    for (let index = 0; index < 2; index++) {
      await expect(freshRows.nth(index)).toHaveText((await rows.nth(index).textContent()) ?? '');
    }
    await expect(freshRows.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(fresh.getByRole('tab', { name: /Raw/ })).toHaveAttribute('aria-selected', 'true');
    await expect(fresh.getByText('keyed.yaml').first()).toBeVisible();

    // Back/Forward move the selection within the shared cassette without opening it again.
    await freshRows.nth(0).click();
    await expect(fresh).toHaveURL(/&i=1&view=raw$/);
    await fresh.goBack();
    await expect(freshRows.nth(1)).toHaveAttribute('aria-selected', 'true');
    await fresh.goForward();
    await expect(freshRows.nth(0)).toHaveAttribute('aria-selected', 'true');
    await expect(fresh.getByRole('complementary').getByText('keyed.yaml')).toHaveCount(1);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a damaged share link shows a clear message', async ({ page }) => {
  await page.goto('./#c=d1:AAAA&n=broken.yaml');
  await expect(page.getByText(/damaged|cut short/).first()).toBeVisible({ timeout: 30_000 });
});
