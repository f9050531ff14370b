/**
 * Issue 9, functional only (timings belong in `npm run bench`): a large cassette generated in the
 * test goes through the file input and the split, worker-pool load; the status counts every
 * interaction, the table keeps a small DOM, filtering still answers, and nothing logs an error
 * (the `page` fixture fails the test on console errors). A file the split must not touch (it has
 * an anchor) loads through the whole-file path with the same count. While the large file loads, the
 * first rows show before the end and the status counts them ("Loading interactions… N of ~1,000").
 */
import { expect, test } from './support/fixtures';
import { syntheticCassette } from './support/synthetic-cassette';

const ROWS = '.exchange-table__body [role=row]';

test('a 1,000-interaction cassette loads through the file input with a small, filterable table', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const text = syntheticCassette(1000);
  await page.goto('./');
  // Every text the status line takes, with the number of table rows at that moment: the partial
  // state can be brief, so it is recorded in the page rather than polled from the test.
  await page.evaluate(() => {
    const seen: Array<{ text: string; rows: number }> = [];
    (window as unknown as { statusSeen: typeof seen }).statusSeen = seen;
    const status = document.querySelector('[role=status]')!;
    new MutationObserver(() =>
      seen.push({
        text: status.textContent ?? '',
        rows: document.querySelectorAll('.exchange-table__body [role=row]').length,
      }),
    ).observe(status, { childList: true, characterData: true, subtree: true });
  });
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles({ name: 'large-1000.yaml', mimeType: 'application/x-yaml', buffer: Buffer.from(text) });
  await expect(page.getByRole('status')).toHaveText('1,000 interactions', { timeout: 120_000 });
  const seen = await page.evaluate(
    () => (window as unknown as { statusSeen: Array<{ text: string; rows: number }> }).statusSeen,
  );
  const partial = seen.filter((entry) => /^Loading interactions… [\d,]+ of ~1,000$/.test(entry.text));
  expect(
    partial.length,
    `status texts seen: ${JSON.stringify(seen.map((entry) => entry.text))}`,
  ).toBeGreaterThan(0);
  expect(partial.some((entry) => entry.rows > 0)).toBe(true);

  const grid = page.getByRole('grid', { name: 'Interactions' });
  const rows = grid.locator(ROWS);
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThanOrEqual(300);
  // File order survives the parallel load: the first row is #1 and the last (End key) is #1000.
  await expect(rows.first().getByRole('gridcell').first()).toHaveText('1');
  await grid.focus();
  await page.keyboard.press('End');
  await expect(grid.locator('[role=row][aria-selected=true] [role=gridcell]').first()).toHaveText('1000');
  expect(await rows.count()).toBeLessThanOrEqual(300);

  const filter = page
    .getByRole('searchbox', { name: 'Filter interactions' })
    .or(page.getByLabel('Filter interactions'));
  await filter.first().fill('no-such-host.invalid');
  await expect(grid.getByText(/No interaction matches/)).toBeVisible();
  await filter.first().fill('');
  // All rows are back (the view keeps its scroll position near #1000), still virtualized.
  await expect(grid.getByText(/No interaction matches/)).toHaveCount(0);
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThanOrEqual(300);
});

test('a large cassette with a YAML anchor takes the whole-file path and loads the same', async ({ page }) => {
  test.setTimeout(150_000);
  // An anchor makes the split unsafe (an alias elsewhere could name it), so the loader reads the whole file.
  const text = syntheticCassette(100).replace('\n  - id: 5\n', '\n  - id: &five 5\n');
  expect(text).toContain('&five');
  await page.goto('./');
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles({ name: 'anchored-100.yaml', mimeType: 'application/x-yaml', buffer: Buffer.from(text) });
  await expect(page.getByRole('status')).toHaveText('100 interactions', { timeout: 120_000 });
  expect(await page.getByRole('grid', { name: 'Interactions' }).locator(ROWS).count()).toBeLessThanOrEqual(
    300,
  );
});
