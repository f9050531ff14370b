/**
 * Issue 17, the workbench: the reading gets the room (the detail area's share of a 1440×900
 * window with the 25-interaction Cody Polly HAR and its one finding), the splitter between the list
 * and the detail moves with the mouse and the keyboard and keeps its place across a reload, the
 * compact file line and the doctor's badge line, and the phone width (header buttons clear of the
 * title, the Share dialog inside the window). Measured from the page's own boxes.
 */
import type { Locator, Page } from '@playwright/test';
import { dropFiles, expect, fixtureFile, openSample, test } from './support/fixtures';

const HAR = 'tests/fixtures/corpus/polly/cody/auth_2503977039.recording.har.yaml';

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found, 'the element has a box').not.toBeNull();
  return found!;
}

async function openHar(page: Page) {
  await page.goto('./');
  await dropFiles(page, [fixtureFile(HAR)]);
  await expect(page.getByRole('status')).toContainText('25 interactions', { timeout: 30_000 });
}

const splitter = (page: Page) => page.getByRole('separator', { name: 'Resize the interactions list' });
const detail = (page: Page) => page.getByRole('region', { name: 'Selected interaction' });

test.describe('the workbench at 1440×900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('the detail area gets at least 60% of the height (stacked) with a 25-call HAR and one finding', async ({
    page,
  }) => {
    await openHar(page);
    const doctor = page.getByRole('group', { name: 'Stream doctor' });
    await expect(doctor).toContainText('Stream doctor: 1 finding');
    // The doctor is one badge line until opened.
    expect((await box(doctor)).height).toBeLessThan(48);
    // The file header and its figures: one compact block, not a panel.
    expect((await box(page.getByRole('region', { name: 'Cassette summary' }))).height).toBeLessThan(60);

    await expect(splitter(page)).toHaveAttribute('aria-orientation', 'horizontal');
    const area = await box(detail(page));
    expect(area.height, `detail area ${Math.round(area.height)} px of 900`).toBeGreaterThanOrEqual(0.6 * 900);
    // The reading is not squeezed sideways either.
    expect(area.width).toBeGreaterThan(0.7 * 1440 - 260);
    // The page itself does not scroll: the list and the detail scroll inside their panes.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(900);
  });

  test('dragging the splitter resizes the list, and a reload keeps the size', async ({ page }) => {
    await openHar(page);
    const list = page.locator('#interactions-pane');
    const before = await box(list);
    const grip = await box(splitter(page));
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await page.mouse.down();
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2 + 60, { steps: 4 });
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2 + 120, { steps: 4 });
    await page.mouse.up();
    const after = await box(list);
    expect(after.height).toBeGreaterThan(before.height + 80);
    const share = await splitter(page).getAttribute('aria-valuenow');
    expect(Number(share)).toBeGreaterThan(22);

    // The HAR comes back by itself (open files are kept across a reload, issue 17).
    await page.reload();
    await expect(page.getByRole('status')).toContainText('25 interactions', { timeout: 30_000 });
    await expect(splitter(page)).toHaveAttribute('aria-valuenow', share!);
    expect(Math.abs((await box(list)).height - after.height)).toBeLessThan(4);
  });

  test('the splitter moves with the keyboard', async ({ page }) => {
    await openHar(page);
    const before = await box(detail(page));
    const start = Number(await splitter(page).getAttribute('aria-valuenow'));
    await splitter(page).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(splitter(page)).toHaveAttribute('aria-valuenow', String(start + 10));
    expect((await box(detail(page))).height).toBeLessThan(before.height - 40);
    await page.keyboard.press('Home');
    await expect(splitter(page)).toHaveAttribute('aria-valuenow', '10');
    await page.keyboard.press('ArrowUp');
    await expect(splitter(page)).toHaveAttribute('aria-valuenow', '10');
  });
});

test.describe('the workbench at 1920×1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('list and detail sit side by side, the detail taking more than 55% of the width', async ({ page }) => {
    await openHar(page);
    await expect(splitter(page)).toHaveAttribute('aria-orientation', 'vertical');
    const list = await box(page.locator('#interactions-pane'));
    const area = await box(detail(page));
    expect(area.x).toBeGreaterThan(list.x + list.width - 1);
    expect(area.width, `detail area ${Math.round(area.width)} px of 1920`).toBeGreaterThanOrEqual(
      0.55 * 1920,
    );
    await splitter(page).focus();
    await page.keyboard.press('ArrowRight');
    expect((await box(detail(page))).width).toBeLessThan(area.width - 40);
  });
});

test.describe('the workbench at 390×844', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the header's buttons stay clear of the title, and the Share dialog fits", async ({ page }) => {
    await page.goto('./');
    await openSample(page);
    const title = await box(page.locator('.brand'));
    const buttons = page.locator('.app-header__actions button');
    const count = await buttons.count();
    expect(count).toBeGreaterThan(2);
    for (let i = 0; i < count; i++) {
      const button = await box(buttons.nth(i));
      const overlaps =
        button.x < title.x + title.width &&
        title.x < button.x + button.width &&
        button.y < title.y + title.height &&
        title.y < button.y + button.height;
      expect(overlaps, `button ${i} overlaps the title`).toBe(false);
      expect(button.x + button.width).toBeLessThanOrEqual(390);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: /Share/ });
    await expect(dialog).toBeVisible();
    const shown = await box(dialog);
    expect(shown.x).toBeGreaterThanOrEqual(0);
    expect(shown.x + shown.width).toBeLessThanOrEqual(390);
    for (const control of await dialog.getByRole('button').all()) {
      const at = await box(control);
      expect(at.x).toBeGreaterThanOrEqual(0);
      expect(at.x + at.width).toBeLessThanOrEqual(390);
    }
  });

  test("the list's wrapped toolbar and rows stay above the splitter, and the page scrolls to the detail", async ({
    page,
  }) => {
    await page.goto('./');
    await openSample(page);
    const splitter = await box(page.getByRole('separator', { name: 'Resize the interactions list' }));
    const compare = await box(page.getByRole('button', { name: /Compare/ }).first());
    expect(compare.y + compare.height).toBeLessThanOrEqual(splitter.y);
    const rows = page.getByRole('grid', { name: 'Interactions' }).getByRole('row');
    const firstRow = await box(rows.nth(1));
    expect(firstRow.y + firstRow.height).toBeLessThanOrEqual(splitter.y);
    const detail = page.getByRole('tablist').first();
    await detail.scrollIntoViewIfNeeded();
    await expect(detail).toBeInViewport();
  });

  test('the table shows the call (method, host and path, status) first', async ({ page }) => {
    await page.goto('./');
    await openSample(page);
    const header = page.getByRole('grid', { name: 'Interactions' }).getByRole('columnheader');
    const visible: string[] = [];
    for (const cell of await header.all()) {
      const at = await cell.boundingBox();
      if (at && at.x + at.width <= 390) visible.push(((await cell.textContent()) ?? '').trim());
    }
    expect(visible.join(' ')).toMatch(/Host and path/i);
    expect(visible.join(' ')).toMatch(/Status/i);
  });
});
