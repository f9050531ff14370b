/**
 * Issue 17, "the columns can be resized": a column of the interactions table widens by dragging
 * its header's edge and by the arrow keys on that edge (a focusable separator), keeps its width
 * across a reload, and goes back to its default with Home. At 1024 px the host stays visible.
 * Measured from the page's own boxes.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, openSample, test } from './support/fixtures';

const grid = (page: Page) => page.getByRole('grid', { name: 'Interactions' });
const modelHeader = (page: Page) => grid(page).getByRole('columnheader', { name: 'Model' });
const modelEdge = (page: Page) => grid(page).getByRole('separator', { name: 'Resize the Model column' });

async function width(locator: Locator): Promise<number> {
  const found = await locator.boundingBox();
  expect(found, 'the element has a box').not.toBeNull();
  return found!.width;
}

test.describe('column resizing at 1440×900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('drag and keys resize a column; a reload keeps it; Home resets it', async ({ page }) => {
    await page.goto('./');
    await openSample(page);
    const before = await width(modelHeader(page));

    const edge = (await modelEdge(page).boundingBox())!;
    await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
    await page.mouse.down();
    await page.mouse.move(edge.x + 60, edge.y + edge.height / 2, { steps: 4 });
    await page.mouse.move(edge.x + 120, edge.y + edge.height / 2, { steps: 4 });
    await page.mouse.up();
    const dragged = await width(modelHeader(page));
    expect(dragged).toBeGreaterThan(before + 80);
    // A body cell follows its header: one column template for every row.
    const cell = grid(page).locator('.exchange-table__body [role=row]').first().locator('.col-model');
    expect(Math.abs((await width(cell)) - dragged)).toBeLessThan(2);
    // The drag did not sort.
    await expect(modelHeader(page)).toHaveAttribute('aria-sort', 'none');

    await modelEdge(page).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const keyed = await width(modelHeader(page));
    expect(keyed).toBeGreaterThan(dragged + 24);
    await expect(modelEdge(page)).toHaveAttribute('aria-valuenow', String(Math.round(keyed)));

    await page.reload();
    await openSample(page);
    expect(Math.abs((await width(modelHeader(page))) - keyed)).toBeLessThan(2);

    await modelEdge(page).focus();
    await page.keyboard.press('Home');
    expect(Math.abs((await width(modelHeader(page))) - before)).toBeLessThan(2);
  });
});

test.describe('the interactions table at 1024×768', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('the host of each call stays visible', async ({ page }) => {
    await page.goto('./');
    await openSample(page);
    const host = grid(page).locator('.exchange-table__body .cell-url__host').first();
    const box = (await host.boundingBox())!;
    expect(box.width).toBeGreaterThan(20);
    expect(box.x + box.width).toBeLessThanOrEqual(1024);
  });
});
