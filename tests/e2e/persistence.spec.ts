/**
 * Issue 17, "Files that survive a reload": open files are kept in IndexedDB and come back after a
 * reload at the same call and tab; "Forget files" empties the page for good; "Reload from disk"
 * reads a re-recorded file again and keeps the view, by asking for the file (the file input, where
 * the browser has no File System Access picker) or in one click through a stored handle (tested
 * with a real FileSystemFileHandle from the origin-private file system, since Playwright cannot
 * answer the native picker); "Open file" uses that picker where it exists, so a file opened with it
 * reloads in one click from the start. No console errors (support/fixtures.ts).
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, fixturePath, openFixture, openSample, test } from './support/fixtures';

const GROQ = 'tests/fixtures/corpus/vcrpy/pydantic-ai/test_groq__test_tool_use_failed_error.yaml';
const HAR = 'tests/fixtures/corpus/polly/cody/auth_2503977039.recording.har.yaml';
const SAMPLE = 'multi_tool_streaming_kimi-k2_together.yaml';

// Three files loaded twice, or one file four times, on a machine shared with other work.
test.describe.configure({ timeout: 90_000 });

const openList = (page: Page) => page.getByRole('navigation', { name: 'Open cassettes' });
const listNames = (page: Page) => openList(page).locator('.cassette-list__name');
const shownFile = (page: Page) => openList(page).locator('[aria-current=true] .cassette-list__name');
const selectedCall = (page: Page) =>
  page.locator('.exchange-table__body [role=row][aria-selected=true] [role=gridcell]').first();

/** Reloads the page and waits until the kept files have been read and opened again. */
async function reloadAndRestore(page: Page) {
  await page.reload();
  await expect(page.locator('[data-files-restored]')).toHaveCount(1, { timeout: 30_000 });
}

async function waitLoaded(page: Page, interactions: RegExp) {
  await expect(page.getByRole('status')).toHaveText(interactions, { timeout: 30_000 });
  await expect(page.locator('[data-doctor-checking]')).toHaveCount(0, { timeout: 30_000 });
}

/** Selects call `n` (1-based, the "#" column) and the Raw tab. */
async function showCallRaw(page: Page, n: number) {
  await page
    .locator('.exchange-table__body [role=row]')
    .nth(n - 1)
    .click();
  await expect(selectedCall(page)).toHaveText(String(n));
  await page.getByRole('tab', { name: /^Raw/ }).click();
  await expect(page).toHaveURL(new RegExp(`#i=${n}&view=raw$`));
}

/** Writes a file into the origin-private file system, where the tests' stand-in picker finds it. */
function writePrivateFile(page: Page, name: string, text: string): Promise<void> {
  return page.evaluate(
    async ({ name, content }) => {
      const root = await navigator.storage.getDirectory();
      const writable = await (await root.getFileHandle(name, { create: true })).createWritable();
      await writable.write(content);
      await writable.close();
    },
    { name, content: text },
  );
}

/**
 * Reloads the page, lets the re-recorded file land on disk, then Reload from disk: the new
 * recording shows at the same call (2) and tab (Raw).
 */
async function reloadThenReadReRecorded(page: Page, reRecord: () => Promise<void>): Promise<void> {
  await reloadAndRestore(page);
  await waitLoaded(page, /3 interactions/);
  await reRecord();
  await page.getByRole('button', { name: 'Reload from disk' }).click();
  await expect(page.getByText('openai/gpt-oss-re-recorded').first()).toBeVisible({ timeout: 30_000 });
  await expect(selectedCall(page)).toHaveText('2');
  await expect(page.getByRole('tab', { name: /^Raw/ })).toHaveAttribute('aria-selected', 'true');
}

test('the sample and two corpus files come back after a reload, at the same call and tab; Forget files empties the page for good', async ({
  page,
}) => {
  await page.goto('./');
  await openSample(page);
  await openFixture(page, GROQ);
  await waitLoaded(page, /3 interactions/);
  await openFixture(page, HAR);
  await waitLoaded(page, /25 interactions/);
  // Back to the Groq file (not the last one opened), at call 2 in the Raw tab.
  await openList(page)
    .getByRole('button', { name: /^test_groq/ })
    .click();
  await waitLoaded(page, /3 interactions/);
  await showCallRaw(page, 2);

  await reloadAndRestore(page);
  await expect(listNames(page)).toHaveText([
    SAMPLE,
    'test_groq__test_tool_use_failed_error.yaml',
    'auth_2503977039.recording.har.yaml',
  ]);
  await expect(shownFile(page)).toHaveText('test_groq__test_tool_use_failed_error.yaml');
  await waitLoaded(page, /3 interactions/);
  await expect(selectedCall(page)).toHaveText('2');
  await expect(page.getByRole('tab', { name: /^Raw/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/#i=2&view=raw$/);
  // The other two load as well.
  await expect(openList(page).locator('.cassette-list__item--loaded')).toHaveCount(3, { timeout: 30_000 });

  const axe = await new AxeBuilder({ page }).include('.persist-controls').analyze();
  expect(axe.violations).toEqual([]);

  await page.getByRole('button', { name: 'Forget files' }).click();
  await expect(openList(page)).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText('No cassette open');
  await expect(page).toHaveURL(/\/$/);

  await reloadAndRestore(page);
  await expect(openList(page)).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText('No cassette open');
  // The normal start page, with its offer of the sample.
  await expect(page.getByRole('main').getByRole('button', { name: 'Try the bundled example' })).toBeVisible();
});

/** A copy of the Groq cassette in a temp folder, and its text re-recorded with another model name. */
function reRecordable() {
  const dir = mkdtempSync(join(tmpdir(), 'cv-persist-'));
  const path = join(dir, 'groq.yaml');
  copyFileSync(fixturePath(GROQ), path);
  const reRecorded = readFileSync(path, 'utf8').replaceAll(
    'openai/gpt-oss-120b',
    'openai/gpt-oss-re-recorded',
  );
  return { path, reRecorded };
}

test('Reload from disk asks for the file where there is no handle, and keeps the call and tab', async ({
  page,
}) => {
  // As in a browser without the File System Access picker (Firefox, Safari): the file input asks.
  await page.addInitScript(() => {
    delete (window as { showOpenFilePicker?: unknown }).showOpenFilePicker;
  });
  const { path, reRecorded } = reRecordable();
  await page.goto('./');
  await openFixture(page, path);
  await waitLoaded(page, /3 interactions/);
  await showCallRaw(page, 2);
  await expect(page.getByText('openai/gpt-oss-re-recorded')).toHaveCount(0);

  writeFileSync(path, reRecorded);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Reload from disk' }).click(),
  ]);
  await chooser.setFiles(path);
  await waitLoaded(page, /3 interactions/);
  await expect(page.getByText('openai/gpt-oss-re-recorded').first()).toBeVisible();
  await expect(selectedCall(page)).toHaveText('2');
  await expect(page.getByRole('tab', { name: /^Raw/ })).toHaveAttribute('aria-selected', 'true');

  // The re-read bytes are the ones kept.
  await reloadAndRestore(page);
  await waitLoaded(page, /3 interactions/);
  await expect(page.getByText('openai/gpt-oss-re-recorded').first()).toBeVisible();
  await expect(selectedCall(page)).toHaveText('2');
});

test('with a File System Access handle, Reload from disk is one click, even after a reload of the page', async ({
  page,
}) => {
  const { path, reRecorded } = reRecordable();
  const original = readFileSync(path, 'utf8');
  // The picker answers with a real handle, to a file in the origin-private file system.
  await page.addInitScript(() => {
    (window as { showOpenFilePicker?: unknown }).showOpenFilePicker = async () => {
      const root = await navigator.storage.getDirectory();
      return [await root.getFileHandle('groq.yaml')];
    };
  });
  await page.goto('./');
  const writeDisk = (text: string) => writePrivateFile(page, 'groq.yaml', text);
  await writeDisk(original);
  await openFixture(page, path);
  await waitLoaded(page, /3 interactions/);
  await showCallRaw(page, 2);

  // No handle yet: the first reload asks, through the picker, which gives one.
  await page.getByRole('button', { name: 'Reload from disk' }).click();
  await waitLoaded(page, /3 interactions/);

  await reloadThenReadReRecorded(page, () => writeDisk(reRecorded));
});

test('Open file through the File System Access picker keeps a handle: the first Reload from disk needs no pick, and a cancelled pick does nothing', async ({
  page,
}) => {
  const { reRecorded } = reRecordable();
  const original = readFileSync(fixturePath(GROQ), 'utf8');
  // Playwright cannot answer the native picker, so the page's own picker is replaced by one that
  // answers with a real handle to a file in the origin-private file system, and counts its calls.
  await page.addInitScript(() => {
    const scope = window as unknown as {
      showOpenFilePicker?: unknown;
      pickerCalls: number;
      cancelNext: boolean;
    };
    scope.pickerCalls = 0;
    scope.cancelNext = false;
    scope.showOpenFilePicker = async (options?: { multiple?: boolean }) => {
      scope.pickerCalls += 1;
      if (!options?.multiple) throw new Error('Open file asks for several files');
      if (scope.cancelNext) throw new DOMException('The user aborted a request.', 'AbortError');
      const root = await navigator.storage.getDirectory();
      return [await root.getFileHandle('groq.yaml')];
    };
  });
  await page.goto('./');
  const writeDisk = (text: string) => writePrivateFile(page, 'groq.yaml', text);
  const pickerCalls = () => page.evaluate(() => (window as unknown as { pickerCalls: number }).pickerCalls);
  await writeDisk(original);

  // Cancelled: no file, no message (a console error would fail the test: support/fixtures.ts).
  await page.evaluate(() => ((window as unknown as { cancelNext: boolean }).cancelNext = true));
  await page.getByRole('button', { name: 'Open file' }).click();
  await expect.poll(pickerCalls).toBe(1);
  await expect(page.getByRole('status')).toHaveText('No cassette open');
  await page.evaluate(() => ((window as unknown as { cancelNext: boolean }).cancelNext = false));

  await page.getByRole('button', { name: 'Open file' }).click();
  await expect(shownFile(page)).toHaveText('groq.yaml');
  await waitLoaded(page, /3 interactions/);
  await showCallRaw(page, 2);

  // After a reload of the page, the kept handle reads the re-recorded file in one click.
  await reloadThenReadReRecorded(page, () => writeDisk(reRecorded));
  expect(await pickerCalls()).toBe(0);
});

test('a file the browser has no room for shows why and loses nothing else', async ({ page }) => {
  // IndexedDB refuses the Groq file as a full disk would (QuotaExceededError); the sample is kept.
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value: unknown, key?: IDBValidKey) {
      if (String(key).startsWith('file:') && (value as { name?: string }).name?.startsWith('test_groq'))
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    };
  });
  await page.goto('./');
  await openSample(page);
  await openFixture(page, GROQ);
  await waitLoaded(page, /3 interactions/);
  await expect(page.locator('.persist-controls').getByRole('alert')).toContainText(
    'test_groq__test_tool_use_failed_error.yaml will not come back after a reload: the browser has no more room',
  );
  // The page goes on: the file is open and shown.
  await expect(selectedCall(page)).toHaveText('1');

  await reloadAndRestore(page);
  await expect(listNames(page)).toHaveText([SAMPLE]);
  await waitLoaded(page, /interaction/);
});
