/**
 * Issue 19, exports from the page: the Export menu in the top bar, by keyboard, saves a HAR 1.2
 * archive named after the cassette; that HAR, dropped back into the page, shows the same
 * conversation (acceptance: "An export to HAR, imported back into this app, gives the same
 * conversation"). The transcript and the masked copy save under the cassette's name, and the
 * open menu has no serious axe-core violation.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { dropFiles, expect, openSample, test } from './support/fixtures';

async function exportAs(page: Page, label: RegExp): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: label }).click();
  const saved = await download;
  return { name: saved.suggestedFilename(), text: readFileSync(await saved.path(), 'utf8') };
}

/** The conversation as read: the region's text, with the one line that names the file left out. */
async function conversationText(page: Page): Promise<string> {
  const region = page.getByRole('region', { name: 'Conversation' });
  await expect(region).toContainText('Here are the results');
  return region.innerText();
}

test('a HAR export, dropped back into the page, shows the same conversation', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  await openSample(page);
  const before = await conversationText(page);

  // Keyboard only: focus the menu button, open it with Enter, move to the HAR item, choose it.
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Export', exact: true }).focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Export' });
  await expect(menu).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /Markdown transcript/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: /HAR 1\.2/ })).toBeFocused();
  await page.keyboard.press('Enter');
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('multi_tool_streaming_kimi-k2_together.har');
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeFocused();
  await expect(page.getByText(/Saved multi_tool_streaming_kimi-k2_together\.har \(/)).toBeVisible();
  const har = readFileSync(await saved.path(), 'utf8');
  const parsed = JSON.parse(har) as { log: { version: string; entries: unknown[] } };
  expect(parsed.log.version).toBe('1.2');
  expect(parsed.log.entries).toHaveLength(2);

  await dropFiles(page, [{ name: 'exported.har', content: har }]);
  await expect(page.getByRole('status').first()).toHaveText(/2 interactions/, { timeout: 30_000 });
  await expect(page.locator('[data-doctor-checking]')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByText('exported.har').first()).toBeVisible();
  const after = await conversationText(page);
  expect(after).toBe(before);
});

test('the transcript and the masked copy are saved under the cassette name; the menu passes axe', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('./');
  await openSample(page);

  const transcript = await exportAs(page, /Markdown transcript/);
  expect(transcript.name).toBe('multi_tool_streaming_kimi-k2_together.transcript.md');
  expect(transcript.text).toMatch(/^# Transcript of multi\\_tool/);
  expect(transcript.text).toContain('**Tool result** (answers [tool call #1](#tool-call-1))');

  const masked = await exportAs(page, /Masked cassette/);
  expect(masked.name).toBe('multi_tool_streaming_kimi-k2_together.masked.yaml');
  expect(masked.text).toContain('interactions:');

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('export-menu.png') });
  const results = await new AxeBuilder({ page })
    .include('.export-menu')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeFocused();
});
