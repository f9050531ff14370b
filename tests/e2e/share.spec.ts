/**
 * Issue 6 acceptance, sharing a secret-bearing cassette: a copy of the sample with an
 * `Authorization: Bearer sk-…` header (added here), Share, decode the link's payload in Node and
 * check the secret is gone, then open the link in a fresh browser context: same interactions, same
 * selection and view. A cassette whose link is over 16,000 characters shows the long-link warning;
 * its masked download holds every call, and "Share only interaction #N" gives a link under the
 * limit that opens, in a fresh context, with only that call.
 */
import { readFileSync } from 'node:fs';
import { decodeSharePayload } from '../../src/core/share/share-codec';
import { dropFiles, expect, fixtureFile, test } from './support/fixtures';

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
  // The read-back check names the detector it ran, and what it cannot see (issue 14).
  await expect(dialog).toContainText(
    /Checked the masked copy, read back: no credential pattern of \d{3} rules/,
  );
  await expect(dialog.getByText('What this check cannot see')).toBeVisible();
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

test('a link over 16,000 characters warns, "Share only interaction #3" makes it short enough, and it opens with that interaction', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  // Four OpenAI Responses calls, ~113 KB: the whole masked file makes a link of ~50,000
  // characters, call 3 alone one of ~15,700 (each call is recorded one to three seconds apart).
  const path =
    'tests/fixtures/corpus/ruby-vcr/ruby_llm/chat_function_calling_openai_gpt-5-nano_can_use_tools_with_multi-turn_streaming_conversations.yml';
  const name = path.split('/').pop()!;
  const recordedAt = [...readFileSync(path, 'utf8').matchAll(/^ {2}recorded_at: (.+)$/gm)].map((m) => m[1]);
  expect(new Set(recordedAt).size).toBe(4);
  await page.goto('./');
  await dropFiles(page, [fixtureFile(path)]);
  await expect(page.getByRole('status').first()).toHaveText(/^4 interactions/, { timeout: 30_000 });
  await page.locator('.exchange-table__body [role=row]').nth(2).click();
  await expect(page).toHaveURL(/#i=3$/);

  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: /Share/ });
  const linkBox = dialog.getByRole('textbox', { name: 'Link' });
  await expect(linkBox).toHaveValue(/#c=d1:/, { timeout: 30_000 });
  const longLink = await linkBox.inputValue();
  expect(longLink.length).toBeGreaterThan(16_000);
  await expect(dialog).toContainText(`${longLink.length.toLocaleString('en-US')} characters`);
  const warning = dialog.getByRole('note');
  await expect(warning).toContainText('longer than 16,000 characters');
  await expect(warning).toContainText('download the masked cassette');

  // The way out the warning offers for the whole file: the masked download, all four calls.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download masked cassette' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(name.replace(/\.yml$/, '.masked.yml'));
  const downloaded = readFileSync((await download.path()) ?? '', 'utf8');
  expect([...downloaded.matchAll(/^ {2}recorded_at: (.+)$/gm)].map((m) => m[1])).toEqual(recordedAt);

  // The other way out: only the selected interaction.
  await warning.getByRole('button', { name: 'Share only interaction #3' }).click();
  await expect(dialog.getByRole('radio', { name: 'Only the selected interaction (#3)' })).toBeChecked();
  await expect(linkBox).not.toHaveValue(longLink, { timeout: 30_000 });
  await expect(linkBox).toHaveValue(/#c=d1:/);
  const shortLink = await linkBox.inputValue();
  expect(shortLink.length).toBeLessThan(longLink.length);
  expect(shortLink.length).toBeLessThanOrEqual(16_000);
  await expect(dialog).toContainText(`${shortLink.length.toLocaleString('en-US')} characters`);
  await expect(dialog.getByRole('note')).toHaveCount(0);
  console.log(`[measure] long link ${longLink.length} characters; call 3 alone ${shortLink.length}`);
  const params = new URLSearchParams(shortLink.split('#')[1]);
  // In the shared file the call is the only one, so the link selects call 1.
  expect(params.get('i')).toBe('1');
  const shared = decodeSharePayload(params.get('c') ?? '');
  expect([...shared.text.matchAll(/^ {2}recorded_at: (.+)$/gm)].map((m) => m[1])).toEqual([recordedAt[2]]);

  const context = await browser.newContext();
  try {
    const fresh = await context.newPage();
    const errors: string[] = [];
    fresh.on('pageerror', (error) => errors.push(error.message));
    fresh.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await fresh.goto(shortLink);
    await expect(fresh.getByRole('status').first()).toHaveText(/^1 interaction(, |$)/, { timeout: 30_000 });
    const rows = fresh.locator('.exchange-table__body [role=row]');
    await expect(rows).toHaveCount(1);
    await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'true');
    // It is call 3 of the original: its own recorded_at.
    await fresh.getByRole('tab', { name: /Raw/ }).click();
    await expect(
      fresh
        .getByRole('region', { name: 'Raw HTTP of call 1' })
        .getByRole('region', { name: 'Recorded timing' }),
    ).toContainText(`Recorded at${recordedAt[2]}`);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
