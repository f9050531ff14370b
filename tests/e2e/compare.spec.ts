/**
 * Issue 7, diff end to end: two corpus recordings of the same test (fantasy multi_tool_streaming)
 * from different providers, compared in the page. The page shows the aligned interactions, their
 * verdicts and a readable word-level text diff. The second file goes through the normal worker
 * loader; a broken second file shows the usual error panel and loses nothing. The shared `page`
 * fixture fails the test on any console error.
 */
import { dropFiles, expect, fixtureFile, fixturePath, test } from './support/fixtures';

const BEFORE = 'tests/fixtures/corpus/seed/multi_tool_streaming_kimi-k2_together.yaml';
const AFTER =
  'tests/fixtures/corpus/go-vcr-v2/fantasy/TestOpenAICommon__openai-gpt-4o__multi_tool_streaming.yaml';

test.describe('compare two cassettes', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('./');
    await dropFiles(page, [fixtureFile(BEFORE)]);
    await expect(page.getByRole('status')).toContainText('2 interactions');
  });

  test('a picked file is aligned with the selected one, with verdicts and a text diff', async ({ page }) => {
    await page.getByRole('button', { name: 'Compare…' }).click();
    await page.getByLabel('Choose a cassette to compare with').setInputFiles(fixturePath(AFTER));

    const comparison = page.getByRole('region', { name: 'Comparison', exact: true });
    await expect(comparison).toBeVisible();
    await expect(comparison).toContainText('Behaviour changed');

    const rows = comparison.getByRole('table', { name: 'Aligned interactions' }).locator('tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('Behaviour changed');
    await expect(rows.nth(0)).toContainText('output shape');
    await expect(rows.nth(1)).toContainText('Wording only');

    // The second pair's answer is worded differently: removed and added words are marked.
    await rows.nth(1).getByRole('button').click();
    const text = comparison.getByRole('region', { name: 'Response text diff' });
    await expect(text.locator('del').first()).toBeVisible();
    await expect(text.locator('ins').first()).toBeVisible();
    await expect(text.locator('ins, del, span')).not.toHaveCount(0);

    // The first pair: the tool calls side by side, then the raw diff on demand.
    await rows.nth(1).getByRole('button').press('ArrowUp');
    await expect(rows.nth(0)).toHaveAttribute('aria-current', 'true');
    const calls = comparison.getByRole('region', { name: 'Tool calls' });
    await expect(calls).toContainText('add');
    await expect(calls).toContainText('multiply');
    await comparison.getByRole('button', { name: 'Show raw diff of headers and bodies' }).click();
    await expect(comparison.getByRole('region', { name: 'Response body diff' })).toBeVisible();

    await comparison.getByRole('button', { name: 'Close comparison' }).click();
    await expect(page.getByRole('grid', { name: 'Interactions' })).toBeVisible();
  });

  test('another open cassette can be picked, and a broken file shows the error panel', async ({ page }) => {
    await page.getByRole('button', { name: 'Compare…' }).click();
    await page.getByLabel('Choose a cassette to compare with').setInputFiles({
      name: 'not-a-cassette.yaml',
      mimeType: 'text/plain',
      buffer: Buffer.from('just: [some, yaml\n'),
    });
    await expect(page.getByRole('alert')).toContainText('not-a-cassette.yaml');
    // Nothing was lost: the selected cassette is still shown.
    await expect(page.getByRole('grid', { name: 'Interactions' })).toBeVisible();
    await page.getByRole('button', { name: 'Dismiss' }).click();

    // Open the second recording as a file, go back to the first, compare with the open one.
    await dropFiles(page, [fixtureFile(AFTER)]);
    await expect(page.getByRole('status')).toContainText('interactions');
    await page
      .getByRole('button', { name: /multi_tool_streaming_kimi-k2_together/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Compare…' }).click();
    await page
      .getByRole('group', { name: 'Compare with' })
      .getByRole('button', { name: /TestOpenAICommon__openai-gpt-4o__multi_tool_streaming/ })
      .click();
    const comparison = page.getByRole('region', { name: 'Comparison', exact: true });
    await expect(
      comparison.getByRole('table', { name: 'Aligned interactions' }).locator('tbody tr'),
    ).toHaveCount(2);
    await expect(comparison.getByText('Wording only').first()).toBeVisible();
  });
});
