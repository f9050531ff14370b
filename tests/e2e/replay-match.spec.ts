/**
 * Issue 20, "Would it replay?" end to end: the page shows the same verdicts as
 * `cassette-viewer match --json` (the built CLI, run here) for the sample against a copy whose
 * second request has one changed message, under go-vcr-v4 and go-vcr; and a pasted curl command
 * for the sample's first request replays interaction 1 under every profile. The shared `page`
 * fixture fails the test on any console error.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, fixturePath, openFixture, test } from './support/fixtures';

const SAMPLE = 'public/samples/multi_tool_streaming_kimi-k2_together.yaml';
const CHANGED = 'tests/fixtures/match/kimi-k2-second-request-changed.yaml';
const CURL = 'tests/fixtures/match/kimi-k2-first-request.curl';
/** Matching runs in a worker; a busy machine may take a while. */
const SLOW = { timeout: 30_000 };
const PROFILES = ['go-vcr', 'go-vcr-v4', 'vcrpy', 'ruby-vcr', 'polly'];

interface CliReport {
  all_replay: boolean;
  requests: Array<{ interaction_index: number | null; nearest: Array<{ interaction_index: number }> }>;
}

/** The CLI's verdicts (built by `npm run build`, which the e2e run needs anyway). */
function cliReport(matcher: string): { code: number; report: CliReport } {
  const args = [
    'bin/cassette-viewer.mjs',
    'match',
    fixturePath(SAMPLE),
    fixturePath(CHANGED),
    '--matcher',
    matcher,
    '--json',
  ];
  try {
    return {
      code: 0,
      report: JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as CliReport,
    };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { code: failed.status, report: JSON.parse(failed.stdout) as CliReport };
  }
}

async function openMatchView(page: Page) {
  await page.goto('./');
  await openFixture(page, [SAMPLE, CHANGED]);
  const sidebar = page.getByRole('complementary');
  // Both files loaded (each list entry says its count), so the view offers the changed copy.
  await expect(
    sidebar.getByRole('button', { name: /kimi-k2-second-request-changed\.yaml 2 interactions/ }),
  ).toBeVisible({
    timeout: 60_000,
  });
  await sidebar.getByText('multi_tool_streaming_kimi-k2_together.yaml').click();
  await expect(page.getByRole('status')).toContainText('2 interactions', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Would it replay?' }).click();
  return page.getByRole('region', { name: 'Would it replay?' });
}

test.describe('Would it replay?', () => {
  // Two files load, then several matches run in workers: generous on a shared 2-core machine.
  test.describe.configure({ timeout: 120_000 });

  test('shows the same verdicts as the CLI for the changed copy, under go-vcr-v4 and go-vcr', async ({
    page,
  }) => {
    const view = await openMatchView(page);
    // The default is the recorder that wrote the file, and the view says so.
    await expect(view.getByLabel('Matcher')).toHaveValue('go-vcr-v4');
    await expect(view.getByTestId('replay-match-default')).toContainText('go-vcr version 2 file');
    await expect(view.getByLabel('New requests')).toHaveValue(/./);

    for (const matcher of ['go-vcr-v4', 'go-vcr']) {
      const { code, report } = cliReport(matcher);
      await view.getByLabel('Matcher').selectOption(matcher);
      await expect(view.getByTestId('replay-match-summary')).toContainText(`under ${matcher}`, SLOW);
      const rows = view.getByTestId('replay-match-row');
      await expect(rows).toHaveCount(report.requests.length);
      for (const [index, request] of report.requests.entries()) {
        const row = rows.nth(index);
        if (request.interaction_index === null) {
          await expect(row).toHaveClass(/rm-row--miss/);
          await expect(row).toContainText('no match');
          const nearest = row
            .getByRole('list', { name: /Nearest recorded interactions/ })
            .locator('> li')
            .first();
          await expect(nearest).toContainText(`interaction ${request.nearest[0]!.interaction_index + 1}`);
          await expect(nearest.locator('.rm-path')).toHaveText(/^\$\.messages\[\d+\]/);
        } else {
          await expect(row).toHaveClass(/rm-row--ok/);
          await expect(row).toContainText(`gets interaction ${request.interaction_index + 1}`);
        }
      }
      expect(code).toBe(report.all_replay ? 0 : 1);
    }
    // The go-vcr-v4 case by name, so the comparison above cannot pass on an empty report.
    expect(cliReport('go-vcr-v4')).toMatchObject({
      code: 1,
      report: { requests: [{ interaction_index: 0 }, { interaction_index: null }] },
    });
    expect(cliReport('go-vcr').code).toBe(0);

    // axe-core (https://github.com/dequelabs/axe-core-npm): no WCAG A/AA violation in the view,
    // with a miss, its nearest interactions and the highlighted difference on screen.
    await view.getByLabel('Matcher').selectOption('go-vcr-v4');
    await expect(view.locator('.rm-path').first()).toBeVisible(SLOW);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const result = await new AxeBuilder({ page })
        .include('.replay-match')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      expect(
        result.violations.map(
          (violation) =>
            `${scheme}: ${violation.id} ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
        ),
      ).toEqual([]);
    }
  });

  test('a pasted curl command for the first request replays interaction 1 under every profile', async ({
    page,
  }) => {
    const view = await openMatchView(page);
    await view.getByLabel('New requests').selectOption({ label: 'Paste a request or curl command…' });
    await view
      .getByLabel('A curl command, a raw HTTP request, or a cassette’s text')
      .fill(readFileSync(fixturePath(CURL), 'utf8'));
    await view.getByRole('button', { name: 'Check' }).click();
    for (const matcher of PROFILES) {
      await view.getByLabel('Matcher').selectOption(matcher);
      await expect(view.getByTestId('replay-match-summary')).toContainText(
        `All 1 requests would replay under ${matcher}`,
        SLOW,
      );
      await expect(view.getByTestId('replay-match-row').first()).toContainText('gets interaction 1');
    }
  });

  test('bad pasted text gets a message, and a link opens the recorded call', async ({ page }) => {
    const view = await openMatchView(page);
    await view.getByLabel('New requests').selectOption({ label: 'Paste a request or curl command…' });
    await view.getByLabel('A curl command, a raw HTTP request, or a cassette’s text').fill('curl -s');
    await view.getByRole('button', { name: 'Check' }).click();
    await expect(view.getByRole('alert')).toContainText('The curl command has no URL', SLOW);

    await view.getByLabel('New requests').selectOption({ label: 'kimi-k2-second-request-changed.yaml' });
    await view.getByRole('button', { name: 'interaction 2' }).first().click();
    await expect(page.getByRole('region', { name: 'Would it replay?' })).toHaveCount(0);
    await expect(page.getByRole('tab', { name: /Raw/ })).toHaveAttribute('aria-selected', 'true');
  });
});
