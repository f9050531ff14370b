/**
 * Shared Playwright fixtures for every spec (https://playwright.dev/docs/test-fixtures):
 * - `page` fails the test on any console error or uncaught page error, so "no console errors"
 *   holds in every test without each one asserting it;
 * - `dropFiles` synthesizes a drop with a real DataTransfer, as a user's drop would;
 * - `openFixture` picks files through the page's file input.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

export interface DropFile {
  name: string;
  /** File contents; strings are UTF-8. */
  content: string | Uint8Array;
  mimeType?: string;
}

interface Fixtures {
  /** Messages that were allowed through (the test opted in with `allowConsoleErrors`). */
  consoleErrors: string[];
}

interface Options {
  /** Substrings of console errors a test expects (rare: hostile-input tests). */
  allowConsoleErrors: string[];
}

export const test = base.extend<Fixtures & Options>({
  allowConsoleErrors: [[], { option: true }],
  // Playwright reads fixture dependencies from the destructuring pattern, so it must be present.
  // eslint-disable-next-line no-empty-pattern
  consoleErrors: async ({}, provide) => {
    await provide([]);
  },
  page: async ({ page, allowConsoleErrors, consoleErrors }, provide) => {
    const problems: string[] = [];
    const allowed = (text: string) => allowConsoleErrors.some((part) => text.includes(part));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = `console.error: ${message.text()}`;
      if (allowed(text)) consoleErrors.push(text);
      else problems.push(text);
    });
    page.on('pageerror', (error) => {
      const text = `page error: ${error.message}`;
      if (allowed(text)) consoleErrors.push(text);
      else problems.push(text);
    });
    await provide(page);
    expect(problems, 'the page logged errors').toEqual([]);
  },
});

export { expect };

/** Resolves a path relative to the repository root (`tests/fixtures/...`). */
export function fixturePath(path: string): string {
  return resolve(process.cwd(), path);
}

/** Reads a fixture as a DropFile for `dropFiles`. */
export function fixtureFile(path: string, name = basename(path)): DropFile {
  return { name, content: new Uint8Array(readFileSync(fixturePath(path))) };
}

/** Drops files onto the page (on `body`, like a drop anywhere), through a real DataTransfer. */
export async function dropFiles(page: Page, files: DropFile[]): Promise<void> {
  // Text goes across as is and bytes as base64: a number array of a 10 MB file would take minutes to serialize.
  const payload = files.map((file) =>
    typeof file.content === 'string'
      ? { name: file.name, mimeType: file.mimeType ?? '', text: file.content, base64: null }
      : {
          name: file.name,
          mimeType: file.mimeType ?? '',
          text: null,
          base64: Buffer.from(file.content).toString('base64'),
        },
  );
  const dataTransfer = await page.evaluateHandle((items) => {
    const transfer = new DataTransfer();
    for (const item of items) {
      let part: BlobPart;
      if (item.text !== null) part = item.text;
      else part = Uint8Array.from(atob(item.base64 ?? ''), (char) => char.charCodeAt(0));
      transfer.items.add(new File([part], item.name, { type: item.mimeType }));
    }
    return transfer;
  }, payload);
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent('body', type, { dataTransfer });
  }
  await dataTransfer.dispose();
}

/** Opens one or more fixture files through the page's file input ("Open file"). */
export async function openFixture(page: Page, path: string | string[]): Promise<void> {
  const paths = (Array.isArray(path) ? path : [path]).map(fixturePath);
  await page.locator('input[type=file]').first().setInputFiles(paths);
}

/** Clicks "Open sample" and waits until the status line reports the loaded sample. */
export async function openSample(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open sample' }).click();
  // Generous: the loader is fast, but CI machines shared by parallel jobs are not.
  await expect(page.getByRole('status')).toHaveText(/interaction/, { timeout: 30_000 });
  // The status may come before the stream doctor's findings (issue 15): wait for those too.
  await expect(page.locator('[data-doctor-checking]')).toHaveCount(0, { timeout: 30_000 });
}
