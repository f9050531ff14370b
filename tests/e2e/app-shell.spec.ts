/**
 * The shell around the features: empty state, the sample, the table, tabs, the status line,
 * keyboard access and deep links. Console errors fail every test (support/fixtures.ts).
 */
import { expect, openSample, test } from './support/fixtures';

test('the empty state explains every way to open a cassette', async ({ page }) => {
  await page.goto('./');
  await expect(page).toHaveTitle(/Cassette Viewer/);
  const empty = page.getByRole('region', { name: 'Read LLM API recordings as conversations' });
  await expect(empty).toContainText('Drop');
  await expect(empty).toContainText('Paste');
  await expect(page.getByRole('button', { name: 'Open sample' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open file' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('No cassette open');
});

test('Open sample shows the conversation, the table and the status', async ({ page }) => {
  await page.goto('./');
  const started = Date.now();
  await openSample(page);
  await expect(page.getByRole('status')).toHaveText('2 interactions');
  await expect(page.getByText('Add and multiply the number 2 and 3').first()).toBeVisible();
  console.log(`[measure] Open sample to visible timeline: ${Date.now() - started} ms`);
  const grid = page.getByRole('grid', { name: 'Interactions' });
  await expect(grid.getByRole('row')).toHaveCount(3);
  await expect(grid).toContainText('openrouter.ai');
  await expect(page.getByRole('navigation', { name: 'Open cassettes' })).toContainText(
    'multi_tool_streaming_kimi-k2_together.yaml',
  );
  await expect(page.getByRole('region', { name: 'Cassette summary' })).toContainText('go-vcr v2');
});

test('the table is sortable and keyboard selectable, and the URL follows', async ({ page }) => {
  await page.goto('./');
  await openSample(page);
  const grid = page.getByRole('grid', { name: 'Interactions' });
  const selected = grid.locator('[role=row][aria-selected=true]');
  await expect(selected).toContainText(/^1/);
  await grid.focus();
  await page.keyboard.press('ArrowDown');
  await expect(selected.getByRole('gridcell').first()).toHaveText('2');
  await expect(page).toHaveURL(/#i=2$/);
  await page.keyboard.press('Home');
  await expect(selected.getByRole('gridcell').first()).toHaveText('1');

  // Sorting by "#" orders the rows, and a second click reverses them.
  const numberHeader = grid.getByRole('columnheader', { name: '#' });
  const numbers = async () =>
    (
      await grid.locator('.exchange-table__body [role=row] [role=gridcell]:first-child').allTextContents()
    ).map(Number);
  const orders: number[][] = [];
  for (let click = 0; click < 2; click += 1) {
    await numberHeader.getByRole('button').click();
    const direction = await numberHeader.getAttribute('aria-sort');
    expect(direction).toMatch(/ascending|descending/);
    const shown = await numbers();
    expect(shown).toEqual([...shown].sort((a, b) => (direction === 'descending' ? b - a : a - b)));
    orders.push(shown);
  }
  expect(orders[1]).toEqual([...(orders[0] ?? [])].reverse());

  // The filter box narrows the rows.
  await page.getByRole('searchbox', { name: 'Filter interactions' }).fill('no-such-host');
  await expect(grid).toContainText('No interaction matches');
});

test('tabs switch views by keyboard and Back returns to the previous view', async ({ page }) => {
  await page.goto('./');
  await openSample(page);
  const conversation = page.getByRole('tab', { name: 'Conversation' });
  await expect(conversation).toHaveAttribute('aria-selected', 'true');
  await conversation.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /Raw/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/view=raw/);
  await page.goBack();
  await expect(conversation).toHaveAttribute('aria-selected', 'true');
  await page.goForward();
  await expect(page.getByRole('tab', { name: /Raw/ })).toHaveAttribute('aria-selected', 'true');
});

test('a deep link restores the interaction and the view', async ({ page }) => {
  await page.goto('./#i=2&view=raw');
  await openSample(page);
  await expect(page.getByRole('tab', { name: /Raw/ })).toHaveAttribute('aria-selected', 'true');
  const selected = page.getByRole('grid', { name: 'Interactions' }).locator('[role=row][aria-selected=true]');
  await expect(selected.getByRole('gridcell').first()).toHaveText('2');
});

test.describe('content security policy', () => {
  // The refused inline script below is reported by Chromium as a CSP console error; that one is expected.
  test.use({ allowConsoleErrors: ['Content Security Policy'] });

  test('the page has a strict Content-Security-Policy', async ({ page }) => {
    await page.goto('./');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    // An inline script (what an HTML injection would add) is refused under it.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineScriptRan = true';
      document.head.append(script);
    });
    const ran = await page.evaluate(
      () => (window as unknown as { __inlineScriptRan?: boolean }).__inlineScriptRan === true,
    );
    expect(ran).toBe(false);
  });
});

test('Ctrl+O and the Open file button both open the file chooser, which accepts several files', async ({
  page,
}) => {
  // The file input's chooser, as in a browser without the File System Access picker (Firefox,
  // Safari); where Chromium has it, "Open file" uses it (persistence.spec.ts).
  await page.addInitScript(() => {
    delete (window as { showOpenFilePicker?: unknown }).showOpenFilePicker;
  });
  await page.goto('./');
  const [byShortcut] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.keyboard.press('Control+O'),
  ]);
  expect(byShortcut.isMultiple()).toBe(true);
  const [byButton] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open file' }).click(),
  ]);
  expect(byButton.isMultiple()).toBe(true);
});
