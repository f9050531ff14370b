/**
 * Issue 6 acceptance, loading by URL: two local static servers (scripts/serve.mjs) serve
 * tests/fixtures, one with CORS headers and one without, on loopback only. `#url=` to the CORS one
 * loads the fixture and names where it came from; the other gives the CORS message; a missing file
 * gives its 404 message.
 */
import { expect, test } from './support/fixtures';
import { serveDirectory, type StaticServer } from './support/static-server';

const FIXTURE = 'corpus/seed/multi_tool_streaming_kimi-k2_together.yaml';

let withCors: StaticServer;
let withoutCors: StaticServer;

test.beforeAll(async () => {
  withCors = await serveDirectory('tests/fixtures', true);
  withoutCors = await serveDirectory('tests/fixtures', false);
});

test.afterAll(() => {
  withCors?.child.kill();
  withoutCors?.child.kill();
});

function urlLink(address: string, extra = ''): string {
  return `./#url=${encodeURIComponent(address)}${extra}`;
}

test('#url= on a server that allows CORS loads the cassette and shows where it came from', async ({
  page,
}) => {
  await page.goto(urlLink(`${withCors.origin}/${FIXTURE}`, '&i=2'));
  await expect(page.getByRole('status').first()).toHaveText(/2 interactions/, { timeout: 30_000 });
  const host = new URL(withCors.origin).host;
  await expect(page.getByRole('heading', { name: `${host}/${FIXTURE}` })).toBeVisible();
  await expect(page.locator('.exchange-table__body [role=row]').nth(1)).toHaveAttribute(
    'aria-selected',
    'true',
  );
});

test.describe('failures', () => {
  // Chromium itself logs the refused and the missing fetch on the console; those are expected here.
  test.use({ allowConsoleErrors: ['CORS policy', 'Failed to load resource', 'net::ERR_FAILED'] });

  test('a server without CORS gives the CORS message', async ({ page }) => {
    await page.goto(urlLink(`${withoutCors.origin}/${FIXTURE}`));
    const host = new URL(withoutCors.origin).host;
    await expect(
      page.getByText(`the server at ${host} does not allow other sites to read this file (CORS)`, {
        exact: false,
      }),
    ).toBeVisible({ timeout: 30_000 });
  });

  test('a missing file gives the 404 message', async ({ page }) => {
    await page.goto(urlLink(`${withCors.origin}/corpus/nope.yaml`));
    await expect(page.getByText(/has no file at \/corpus\/nope\.yaml \(HTTP 404/)).toBeVisible({
      timeout: 30_000,
    });
  });

  test('a file that is not a cassette shows the load-failure panel', async ({ page }) => {
    await page.goto(urlLink(`${withCors.origin}/README.md`));
    const panel = page.getByRole('alert').filter({ hasText: 'Could not open' });
    await expect(panel).toBeVisible({ timeout: 30_000 });
    await expect(panel).toContainText(`${new URL(withCors.origin).host}/README.md`);
    await expect(panel.getByRole('heading', { name: 'Formats tried' })).toBeVisible();
  });
});
