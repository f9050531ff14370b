/**
 * Issue 18, acceptance: axe-core (https://github.com/dequelabs/axe-core-npm, the
 * `@axe-core/playwright` binding) finds no serious or critical violation on the main views, in the
 * light and the dark theme (`prefers-color-scheme`, which tokens.css follows): the landing page,
 * the sample's Conversation, Raw and Replay tabs, the Share dialog, Compare, and a load-failure
 * panel; the sample's Conversation again at 390 px. The WCAG 2.x A and AA rules run, colour
 * contrast included.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dropFiles, expect, fixtureFile, fixturePath, openSample, test } from './support/fixtures';

const COMPARE_WITH =
  'tests/fixtures/corpus/go-vcr-v2/fantasy/TestOpenAICommon__openai-gpt-4o__multi_tool_streaming.yaml';

/** The serious and critical violations on the page, one line each with the nodes they hit. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 5)
          .map((node) => `${node.target.join(' ')}${node.failureSummary ? ` [${node.failureSummary}]` : ''}`)
          .join('; ')}`,
    );
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    // axe walks the whole DOM for each check; on a busy two-core machine that takes a while.
    test.describe.configure({ timeout: 240_000 });

    test('the landing page', async ({ page }) => {
      await page.goto('./');
      await expect(page.getByRole('button', { name: 'Open sample' }).first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("the sample's Conversation, Raw and Replay tabs", async ({ page }) => {
      await page.goto('./');
      await openSample(page);
      await expect(page.getByRole('tab', { name: /^Conversation/ })).toHaveAttribute('aria-selected', 'true');
      expect(await seriousViolations(page), 'Conversation').toEqual([]);

      await page.getByRole('tab', { name: /^Raw/ }).click();
      const raw = page.getByRole('region', { name: 'Raw HTTP of call 1' });
      await expect(raw.getByRole('tree', { name: 'Request body as JSON' })).toBeVisible();
      // Issue 18's Raw tools: copy buttons, the JSON tree, the event table with a row opened.
      await raw.getByRole('button', { name: 'Event 0, unfold' }).click();
      await expect(raw.getByRole('tree', { name: 'Event 0 as JSON' })).toBeVisible();
      expect(await seriousViolations(page), 'Raw').toEqual([]);

      await page.getByRole('tab', { name: /^Replay/ }).click();
      await expect(page.getByRole('region', { name: 'Stream replay' })).toBeVisible();
      expect(await seriousViolations(page), 'Replay').toEqual([]);

      // A phone (390 px): the header's buttons wrap and the workspace scrolls as a whole (≤40rem,
      // styles/layout.css). One more pass on the same page, not a second load (the suite's wall time).
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByRole('tab', { name: /^Conversation/ }).click();
      await expect(page.getByRole('tab', { name: /^Conversation/ })).toHaveAttribute('aria-selected', 'true');
      expect(await seriousViolations(page), 'Conversation at 390 px').toEqual([]);
    });

    test('the Share dialog', async ({ page }) => {
      await page.goto('./');
      await openSample(page);
      await page.getByRole('button', { name: 'Share' }).click();
      const dialog = page.getByRole('dialog', { name: /Share/ });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole('textbox').first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('Compare', async ({ page }) => {
      await page.goto('./');
      await openSample(page);
      await page.getByRole('button', { name: 'Compare…' }).click();
      expect(await seriousViolations(page), 'the launcher').toEqual([]);
      await page.locator('input[type=file][data-compare-input]').setInputFiles(fixturePath(COMPARE_WITH));
      const comparison = page.getByRole('region', { name: 'Comparison', exact: true });
      await expect(comparison).toContainText('Behaviour changed');
      expect(await seriousViolations(page), 'the comparison').toEqual([]);
    });

    test('the workbench: splitter, doctor badge line, and a "request changed" comparison (issue 17)', async ({
      page,
    }) => {
      await page.goto('./');
      await dropFiles(page, [
        fixtureFile('tests/fixtures/corpus/polly/cody/auth_2503977039.recording.har.yaml'),
      ]);
      await expect(page.getByRole('status')).toContainText('25 interactions', { timeout: 30_000 });
      await expect(page.getByRole('separator', { name: 'Resize the interactions list' })).toBeVisible();
      expect(await seriousViolations(page), 'the workbench').toEqual([]);

      const prompt = 'Add and multiply the number 2 and 3';
      const copy = readFileSync(
        fixturePath('public/samples/multi_tool_streaming_kimi-k2_together.yaml'),
        'utf8',
      );
      await page.getByRole('button', { name: 'Close auth_2503977039.recording.har.yaml' }).click();
      await openSample(page);
      await page.getByRole('button', { name: 'Compare…' }).click();
      await page.locator('input[type=file][data-compare-input]').setInputFiles({
        name: 'one-more-sentence.yaml',
        mimeType: 'text/yaml',
        buffer: Buffer.from(copy.replaceAll(prompt, `${prompt}. Show your work.`)),
      });
      const comparison = page.getByRole('region', { name: 'Comparison', exact: true });
      await expect(comparison).toContainText('Request changed');
      expect(await seriousViolations(page), 'the request-changed comparison').toEqual([]);
    });

    test('a load-failure panel', async ({ page }) => {
      await page.goto('./');
      await dropFiles(page, [{ name: 'broken.yaml', content: 'interactions:\n  - request: [unclosed\n' }]);
      await expect(page.getByRole('alert').first()).toBeVisible({ timeout: 30_000 });
      expect(await seriousViolations(page)).toEqual([]);
      // A file named in its own terms (issue 18), its panel chosen from the file list.
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
      await dropFiles(page, [{ name: 'diagram.png', content: png }]);
      await page
        .getByRole('navigation', { name: 'Open cassettes' })
        .getByRole('button', { name: /^diagram\.png/ })
        .click();
      await expect(page.getByRole('alert')).toContainText('This is a PNG image, not a cassette.');
      expect(await seriousViolations(page), 'the PNG panel').toEqual([]);
    });
  });
}
