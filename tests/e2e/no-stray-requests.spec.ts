/**
 * Issue 6 acceptance, no stray traffic: while fixtures are dropped and viewed (every tab, replay
 * played, the Share dialog opened), Playwright's request log shows no request outside the page's
 * own origin. The fixtures are full of https:// addresses (the recorded API calls, image URLs in
 * messages), so this also shows that nothing in a cassette makes the page fetch it.
 */
import { dropFiles, expect, fixtureFile, test } from './support/fixtures';

const FIXTURES = [
  'tests/fixtures/corpus/seed/multi_tool_streaming_kimi-k2_together.yaml',
  'tests/fixtures/corpus/vcrpy/llm-anthropic/test_tools.yaml',
];

test('dropping and viewing cassettes requests nothing outside the page origin', async ({ page, baseURL }) => {
  // It opens every view and plays a replay: generous on a shared 2-core runner.
  test.setTimeout(90_000);
  const origin = new URL(baseURL ?? 'http://127.0.0.1/').origin;
  const outside: string[] = [];
  const all: string[] = [];
  // `request` fires for every request the page and its workers make, including blocked ones.
  page.context().on('request', (request) => {
    const url = request.url();
    all.push(url);
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin)
      outside.push(url);
  });

  await page.goto('./');
  await dropFiles(
    page,
    FIXTURES.map((path) => fixtureFile(path)),
  );
  await expect(page.getByRole('status').first()).toHaveText(/interaction/, { timeout: 30_000 });

  for (const name of [/Raw/, /Replay/, /Conversation/]) {
    await page.getByRole('tab', { name }).first().click();
    await expect(page.getByRole('tab', { name }).first()).toHaveAttribute('aria-selected', 'true');
  }
  await page
    .getByRole('tab', { name: /Replay/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForTimeout(2500);

  // The other cassette, second row, each tab again.
  await page
    .getByRole('button', { name: /kimi-k2/ })
    .first()
    .click();
  await page.locator('.exchange-table__body [role=row]').nth(1).click();
  for (const name of [/Conversation/, /Raw/]) await page.getByRole('tab', { name }).first().click();

  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('textbox', { name: 'Link' })).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Escape');

  expect(all.length).toBeGreaterThan(3);
  expect(outside, 'requests outside the page origin').toEqual([]);
});
