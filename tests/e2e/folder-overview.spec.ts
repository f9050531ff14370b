/**
 * Issue 19, the folder overview: "Open folder…" (a webkitdirectory input, as a user picks a folder)
 * on a folder of corpus cassettes of several formats, a broken one, and files that are not
 * cassettes. The overview lists the cassettes and the failure with its reason, counts the skipped
 * files, sorts and filters; a click and Enter open a cassette, and Back (the button and the
 * browser's) returns to the list with its filter and sort. axe finds no serious or critical
 * violation on it, in the light and the dark theme.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, fixturePath, test } from './support/fixtures';

const CASSETTES = [
  'tests/fixtures/corpus/go-vcr-v2/fantasy/TestOpenAICommon__openai-gpt-4o__multi_tool.yaml',
  'tests/fixtures/corpus/vcrpy/llm-anthropic/test_tools.yaml',
  'tests/fixtures/corpus/polly/cody/defaultClient_631904893.recording.har',
  'tests/fixtures/corpus/nock/elastic-otel-node/streaming-parallel-tool-calls.json',
  'tests/fixtures/corpus/go-vcr-v2/fantasy/TestImageUploadAgentStreaming__gemini-2.5-pro-stream.yaml',
];
const BROKEN = 'tests/fixtures/hostile/not-a-cassette.yaml';

let folder = '';

test.beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), 'cassette-folder-'));
  folder = join(root, 'recorded');
  mkdirSync(join(folder, 'nested'), { recursive: true });
  CASSETTES.forEach((path, index) =>
    copyFileSync(fixturePath(path), join(folder, index % 2 ? 'nested' : '', basename(path))),
  );
  copyFileSync(fixturePath(BROKEN), join(folder, 'broken.yaml'));
  writeFileSync(join(folder, 'test_chat.py'), 'def test_chat():\n    pass\n');
  writeFileSync(join(folder, 'nested', 'logo.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
});

test.afterAll(() => {
  if (folder) rmSync(join(folder, '..'), { recursive: true, force: true });
});

async function pickFolder(page: Page): Promise<void> {
  await page.goto('./');
  await page.locator('input[data-folder-input]').setInputFiles(folder);
  await expect(page.getByRole('heading', { name: 'recorded', exact: true })).toBeVisible();
  // Every file read: the progress bar goes and the counts are final.
  await expect(
    page.getByText(
      '6 cassette files: 5 listed, 1 could not be read · 2 other files skipped (not cassettes by name)',
    ),
  ).toBeVisible({
    timeout: 30_000,
  });
}

const grid = (page: Page) => page.getByRole('grid', { name: 'Cassettes in the folder' });
const bodyRows = (page: Page) => grid(page).locator('.folder-table__body [role=row]');

async function firstPaths(page: Page, count: number): Promise<string[]> {
  const texts = await bodyRows(page).locator('.folder-col-path').allTextContents();
  return texts.slice(0, count);
}

test('lists the cassettes with the failure and its reason; sorts and filters', async ({ page }) => {
  await pickFolder(page);
  await expect(bodyRows(page)).toHaveCount(5);
  const failures = page.getByRole('list', { name: 'Files that could not be read' });
  await expect(failures).toContainText('broken.yaml');
  await expect(failures.getByRole('listitem')).toHaveCount(1);
  await expect(failures).toContainText('not a recognized cassette format');

  // Numbers sort largest first on the first click (TanStack's default for numbers), then smallest.
  const calls = grid(page).getByRole('columnheader', { name: 'Calls' });
  await grid(page).getByRole('button', { name: 'Calls' }).click();
  await expect(calls).toHaveAttribute('aria-sort', 'descending');
  const most = Number(await bodyRows(page).locator('.col-num').first().textContent());
  await grid(page).getByRole('button', { name: 'Calls' }).click();
  await expect(calls).toHaveAttribute('aria-sort', 'ascending');
  const fewest = Number(await bodyRows(page).locator('.col-num').first().textContent());
  expect(most).toBeGreaterThan(fewest);

  // Words match the path, format, APIs and models.
  await page.getByLabel('Filter cassettes').fill('vcrpy anthropic');
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(bodyRows(page).first()).toContainText('nested/test_tools.yaml');
  await page.getByLabel('Filter cassettes').fill('');
  await page.getByLabel('Doctor verdict').selectOption('clean');
  const clean = await bodyRows(page).count();
  expect(clean).toBeGreaterThan(0);
  expect(clean).toBeLessThan(6);
  await expect(bodyRows(page).locator('.folder-verdict--errors')).toHaveCount(0);
});

test('a click opens a cassette, and Back returns to the list as it was', async ({ page }) => {
  await pickFolder(page);
  await page.getByLabel('Filter cassettes').fill('multi_tool');
  await expect(bodyRows(page)).toHaveCount(1);
  await bodyRows(page).first().click();
  await expect(page.getByRole('status')).toHaveText(/interactions?/, { timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'recorded', exact: true })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Interactions table' })).toBeVisible();

  // The browser's Back.
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'recorded', exact: true })).toBeVisible();
  await expect(page.getByLabel('Filter cassettes')).toHaveValue('multi_tool');
  await expect(bodyRows(page)).toHaveCount(1);

  // Enter on the active row, then the visible Back button.
  await page.getByLabel('Filter cassettes').fill('');
  await grid(page).getByRole('button', { name: 'Path' }).click();
  await expect(grid(page).getByRole('columnheader', { name: 'Path' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  const order = await firstPaths(page, 5);
  await grid(page).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'recorded', exact: true })).toBeHidden();
  await expect(page.getByRole('status')).toHaveText(/interactions?/, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Back to folder' }).click();
  await expect(page.getByRole('heading', { name: 'recorded', exact: true })).toBeVisible();
  await expect(grid(page).getByRole('columnheader', { name: 'Path' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  expect(await firstPaths(page, 5)).toEqual(order);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation on the overview, ${scheme} theme`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    await pickFolder(page);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join('; ')}`,
      );
    expect(serious).toEqual([]);
  });
}
