/**
 * Issue 17, "Search across everything": the filter finds calls by anything they hold (here the
 * error code of a Groq call that failed with `tool_use_failed`, which only its response body
 * carries), highlights the matches in the conversation, walks them with Enter / Shift+Enter and
 * "n of m", and never leaves a hidden call selected. No console errors (support/fixtures.ts).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openFixture, test } from './support/fixtures';

const GROQ = 'tests/fixtures/corpus/vcrpy/pydantic-ai/test_groq__test_tool_use_failed_error.yaml';

async function openGroq(page: Page) {
  await page.goto('./');
  await openFixture(page, GROQ);
  await expect(page.getByRole('status')).toHaveText(/3 interactions/, { timeout: 30_000 });
}

const grid = (page: Page) => page.getByRole('grid', { name: 'Interactions' });
const bodyRows = (page: Page) => grid(page).locator('.exchange-table__body [role=row]');
const selectedCall = (page: Page) =>
  grid(page).locator('[role=row][aria-selected=true] [role=gridcell]').first();
const hitCount = (page: Page) => page.locator('#search-box-hits');

/** The texts the page paints as matches (CSS Custom Highlight API), and the current one. */
function painted(page: Page) {
  return page.evaluate(() => {
    const texts = (name: string) =>
      [...((CSS.highlights.get(name) as Highlight | undefined) ?? [])].map((range) =>
        (range as Range).toString(),
      );
    return { hits: texts('cv-search-hit'), current: texts('cv-search-current') };
  });
}

test('typing tool_use_failed finds the Groq call that failed with that code, highlighted', async ({
  page,
}) => {
  await openGroq(page);
  // Call 3 is on show first; the search must move the selection to the call it finds.
  await bodyRows(page).nth(2).click();
  await expect(page).toHaveURL(/#i=3/);
  const box = page.getByRole('searchbox', { name: 'Filter interactions' });
  await box.fill('tool_use_failed');
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(grid(page)).toContainText('400');
  await expect(selectedCall(page)).toHaveText('1');
  await expect(page).toHaveURL(/#i=1(&|$)/);
  // The conversation shows the error with its code, and the code is painted as a match.
  const detail = page.getByRole('region', { name: 'Selected interaction' });
  await expect(detail.getByRole('alert').filter({ hasText: 'tool_use_failed' })).toBeVisible();
  await expect.poll(async () => (await painted(page)).hits).toContain('tool_use_failed');
  await expect(hitCount(page)).toHaveText(/^– of \d+$/);
  await box.press('Enter');
  await expect(hitCount(page)).toHaveText(/^1 of \d+$/);
  await expect.poll(async () => (await painted(page)).current).toEqual(['tool_use_failed']);
});

test('Enter and Shift+Enter walk the matches across calls, and the selection follows', async ({ page }) => {
  await openGroq(page);
  const box = page.getByRole('searchbox', { name: 'Filter interactions' });
  // The tool's name is in every call: offered, called, and named in the failure.
  await box.fill('get_something_by_name');
  await expect(hitCount(page)).toHaveText(/^– of \d+$/);
  const total = Number((await hitCount(page).textContent())!.split(' of ')[1]);
  expect(total).toBeGreaterThan(1);
  const calls = new Set<string>();
  for (let step = 1; step <= total; step++) {
    await box.press('Enter');
    await expect(hitCount(page)).toHaveText(`${step} of ${total}`);
    await expect.poll(async () => (await painted(page)).current).toEqual(['get_something_by_name']);
    calls.add((await selectedCall(page).textContent()) ?? '');
  }
  expect(calls.size).toBeGreaterThan(1);
  // Past the last match, Enter wraps to the first; Shift+Enter goes back to the last.
  await box.press('Enter');
  await expect(hitCount(page)).toHaveText(`1 of ${total}`);
  await box.press('Shift+Enter');
  await expect(hitCount(page)).toHaveText(`${total} of ${total}`);
  await page.getByRole('button', { name: /Previous match/ }).click();
  await expect(hitCount(page)).toHaveText(`${total - 1} of ${total}`);
  await page.getByRole('button', { name: /Next match/ }).click();
  await expect(hitCount(page)).toHaveText(`${total} of ${total}`);
});

test('Enter pressed before the matches arrive goes to the first one once they do', async ({ page }) => {
  await openGroq(page);
  const box = page.getByRole('searchbox', { name: 'Filter interactions' });
  // Pasted and Enter at once, as a hurried user does: the search waits for a pause in typing, then
  // runs in the load worker, so Enter comes before its answer.
  await box.evaluate((input: HTMLInputElement) => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setValue.call(input, 'get_something_by_name');
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  });
  await expect(hitCount(page)).toHaveText(/^1 of \d+$/);
  await expect.poll(async () => (await painted(page)).current).toEqual(['get_something_by_name']);
});

test('on a phone, the match Enter goes to is scrolled into the window, not only into the timeline', async ({
  page,
}) => {
  // At 390 px the page stacks the table above the timeline, which starts below the window.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  await page.getByRole('button', { name: 'Open sample' }).click();
  const box = page.getByRole('searchbox', { name: 'Filter interactions' });
  await box.fill('multiply');
  await expect(hitCount(page)).toHaveText(/ of \d+$/);
  await box.press('Enter');
  await expect(hitCount(page)).toHaveText(/^1 of \d+$/);
  const whereCurrent = () =>
    page.evaluate(() => {
      const range = [...((CSS.highlights.get('cv-search-current') as Highlight | undefined) ?? [])][0];
      if (!(range instanceof Range)) return null;
      const rect = range.getBoundingClientRect();
      return { text: range.toString(), inWindow: rect.top >= 0 && rect.bottom <= window.innerHeight };
    });
  await expect.poll(whereCurrent).toEqual({ text: 'multiply', inWindow: true });
  // The search box is still on screen to step on.
  await expect(box).toBeInViewport();
});

test('"400" never leaves a hidden call in the detail, and no match says so', async ({ page }) => {
  await openGroq(page);
  await bodyRows(page).nth(1).click();
  await page.getByRole('tab', { name: /^Raw/ }).click();
  await expect(page.getByRole('tab', { name: /^Raw/ })).toContainText('call 2');
  const box = page.getByRole('searchbox', { name: 'Filter interactions' });
  await box.fill('400');
  await expect(bodyRows(page)).toHaveCount(1);
  // The call on show is the one the table keeps, in the table, the tab and the URL.
  await expect(selectedCall(page)).toHaveText('1');
  await expect(page.getByRole('tab', { name: /^Raw/ })).toContainText('call 1');
  await expect(page).toHaveURL(/#i=1(&|$)/);
  await box.fill('no-such-word-in-any-call');
  await expect(bodyRows(page).filter({ hasText: 'No interaction matches' })).toHaveCount(1);
  await expect(page.getByText(/No call matches “no-such-word-in-any-call”/)).toBeVisible();
  await expect(grid(page).locator('[role=row][aria-selected=true]')).toHaveCount(0);
  await expect(page).not.toHaveURL(/#i=/);
  await page.getByRole('button', { name: 'Clear the search' }).click();
  await expect(bodyRows(page)).toHaveCount(3);
  await expect(selectedCall(page)).toHaveText('1');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation on the search UI (${scheme})`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme: scheme });
    await openGroq(page);
    const box = page.getByRole('searchbox', { name: 'Filter interactions' });
    await box.fill('tool_use_failed');
    await box.press('Enter');
    await expect(hitCount(page)).toHaveText(/^1 of \d+$/);
    const results = await new AxeBuilder({ page })
      .include('.search-box')
      .include('.interactions-region')
      .include('#interaction-detail')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)).toEqual([]);
  });
}
