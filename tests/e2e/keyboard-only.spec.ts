/**
 * Issue 18, acceptance: the whole path with the keyboard alone, no mouse event at all. Open the
 * sample, jump past the header and the table with the skip link, choose the Replay tab (focus
 * moves into its panel), play it with Space to the end, move to the second call from the table,
 * open Share and close it with Escape. Where focus is, is read from the page; every action is a
 * key press.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/** A short description of the focused element: its role or tag, and its accessible text. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return '';
    const role = element.getAttribute('role') ?? element.tagName.toLowerCase();
    const name = element.getAttribute('aria-label') ?? element.textContent ?? '';
    return `${role}: ${name.trim().replace(/\s+/g, ' ').slice(0, 80)}`;
  });
}

/** Presses Tab until the focused element matches, and fails if it never does in `limit` presses. */
async function tabTo(page: Page, wanted: RegExp, limit = 60, key = 'Tab'): Promise<void> {
  const seen: string[] = [];
  for (let press = 0; press < limit; press += 1) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (wanted.test(now)) return;
    seen.push(now);
  }
  throw new Error(`Tab never reached ${wanted}; it went through:\n${seen.join('\n')}`);
}

test('open the sample, replay it with Space, go to call 2, open and close Share: keyboard only', async ({
  page,
}) => {
  // Beside two busy loops the whole walk took 51 s: the timeout keeps it within a third (issue 15).
  test.setTimeout(180_000);
  await page.goto('./');
  await tabTo(page, /^button: Open sample/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText(/^2 interactions/, { timeout: 30_000 });

  // Back to the first stop of the page, the skip link, which jumps past the table's sort buttons.
  await tabTo(page, /^a: Skip to the conversation/, 10, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await tabTo(page, /^tab: Conversation/, 5);

  // Arrows move along the tabs; Enter chooses Replay and moves focus into its panel.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await focused(page)).toMatch(/^tab: Replay/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Stream replay' })).toBeVisible();
  // The tab moves focus into its panel on the next animation frame (src/ui/tabs.tsx), which can
  // come after the panel is visible: wait for it rather than read it once.
  await expect.poll(() => focused(page)).toMatch(/^tabpanel/);
  const status = page.getByTestId('replay-status');
  await expect(status).toContainText('waiting for the response headers');
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(status).toHaveText('Response complete — 24 events', { timeout: 30_000 });

  // The second call, from the interactions table (a grid: arrows move the selection).
  await page.keyboard.press('Shift+Tab');
  await tabTo(page, /^grid/);
  await page.keyboard.press('ArrowDown');
  const rows = page.locator('.exchange-table__body [role=row]');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: /^Raw/ })).toContainText('call 2');

  // Share opens as a modal dialog that holds focus, and Escape closes it.
  await tabTo(page, /^button: Share/, 80);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /Share/ });
  await expect(dialog).toBeVisible();
  // Tab wraps inside the dialog: never the page body, never a control behind it.
  for (let press = 0; press < 25; press += 1) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(() => Boolean(document.activeElement?.closest('dialog')));
    expect(inside, `Tab ${press + 1} left the dialog for ${await focused(page)}`).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
