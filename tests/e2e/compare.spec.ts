/**
 * Issue 7, diff end to end: two corpus recordings of the same test (fantasy multi_tool_streaming)
 * from different providers, compared in the page. The page shows the aligned interactions, their
 * verdicts and a readable word-level text diff. The second file goes through the normal worker
 * loader; a broken second file shows the usual error panel and loses nothing. The shared `page`
 * fixture fails the test on any console error.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { dropFiles, expect, fixtureFile, fixturePath, openSample, test } from './support/fixtures';

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

/** Every visible control of the page lies inside the window (issue 17: Compare at four sizes). */
async function controlsOutside(page: Page, width: number, height: number): Promise<string[]> {
  return page.evaluate(
    ([w, h]) => {
      const outside: string[] = [];
      const controls = document.querySelectorAll<HTMLElement>(
        '.cmp-launcher__panel button, .cmp-launcher__drop, .cmp button, [data-compare-root] button',
      );
      for (const control of controls) {
        const box = control.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        if (box.left < 0 || box.top < 0 || box.right > w + 0.5 || box.bottom > h + 0.5)
          outside.push(
            `${control.textContent?.trim() || control.className} at ${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)}`,
          );
      }
      return outside;
    },
    [width, height] as const,
  );
}

const SAMPLE = 'public/samples/multi_tool_streaming_kimi-k2_together.yaml';
const UNRELATED =
  'tests/fixtures/corpus/go-vcr-v2/fantasy/TestOpenAICommon__openai-gpt-4o__tool_streaming.yaml';
const PROMPT = 'Add and multiply the number 2 and 3';

for (const [width, height] of [
  [390, 844],
  [1024, 768],
  [1440, 900],
  [1920, 1080],
] as const) {
  test.describe(`Compare at ${width}×${height}`, () => {
    test.use({ viewport: { width, height } });

    test('every control of the open panel is in the window, and tabbing into it moves nothing', async ({
      page,
    }) => {
      await page.goto('./');
      await openSample(page);
      // Tab order follows the visual order: the filter, then Compare… (issues 17 and 18).
      await page.getByRole('searchbox', { name: 'Filter interactions' }).focus();
      await page.keyboard.press('Tab');
      await expect(page.getByRole('button', { name: 'Compare…' })).toBeFocused();
      await page.keyboard.press('Enter');
      const panel = page.getByRole('group', { name: 'Compare with' });
      await expect(panel).toBeVisible();
      // The panel follows its button: the next stop is inside it.
      await page.keyboard.press('Tab');
      await expect(panel.getByRole('button', { name: 'Choose a file…' })).toBeFocused();
      // Nothing scrolled sideways to show the focused control.
      expect(await page.evaluate(() => document.querySelector('#main')?.scrollLeft ?? 0)).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(await controlsOutside(page, width, height)).toEqual([]);

      const copy = readFileSync(fixturePath(SAMPLE), 'utf8').replaceAll(PROMPT, `${PROMPT}. Show your work.`);
      await page.getByLabel('Choose a cassette to compare with').setInputFiles({
        name: 'one-more-sentence.yaml',
        mimeType: 'text/yaml',
        buffer: Buffer.from(copy),
      });
      const comparison = page.getByRole('region', { name: 'Comparison', exact: true });
      await expect(comparison).toContainText('Same behaviour · 2 requests changed');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const close = comparison.getByRole('button', { name: 'Close comparison' });
      const box = (await close.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      expect(box.y + box.height).toBeLessThanOrEqual(height);
    });
  });
}

test.describe('Compare verdicts (issue 17)', () => {
  test('the sample against a copy whose prompt has one more sentence: request changed, same response', async ({
    page,
  }) => {
    await page.goto('./');
    await openSample(page);
    await page.getByRole('button', { name: 'Compare…' }).click();
    const copy = readFileSync(fixturePath(SAMPLE), 'utf8').replaceAll(PROMPT, `${PROMPT}. Show your work.`);
    await page.getByLabel('Choose a cassette to compare with').setInputFiles({
      name: 'one-more-sentence.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(copy),
    });
    const comparison = page.getByRole('region', { name: 'Comparison', exact: true });
    const rows = comparison.getByRole('table', { name: 'Aligned interactions' }).locator('tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('Request changed');
    await expect(rows.nth(0)).toContainText('Same response');
    await expect(rows.nth(0)).toContainText('request: the messages changed');
    // Never the contradiction of issue 17: "Identical" beside "the request changed".
    await expect(rows.nth(0)).not.toContainText('Identical');
    await expect(comparison.getByRole('list', { name: 'What changed in the request' })).toContainText(
      'the messages changed',
    );
  });

  test("the sample against another corpus file's unrelated answer: behaviour changed, both hosts shown", async ({
    page,
  }) => {
    await page.goto('./');
    await openSample(page);
    await page.getByRole('button', { name: 'Compare…' }).click();
    await page.getByLabel('Choose a cassette to compare with').setInputFiles(fixturePath(UNRELATED));
    const comparison = page.getByRole('region', { name: 'Comparison', exact: true });
    await expect(comparison.locator('.cmp__outcome')).toHaveText(/^Behaviour changed/);
    const rows = comparison.getByRole('table', { name: 'Aligned interactions' }).locator('tbody tr');
    await expect(rows.first()).toContainText('Behaviour changed');
    await expect(rows.first()).not.toContainText('Wording only');
    await expect(rows.first()).toContainText(
      'openrouter.ai/api/v1/chat/completions → POST api.openai.com/v1/chat/completions',
    );
  });

  test('an open file can be picked, and a file dropped on the panel is compared', async ({ page }) => {
    await page.goto('./');
    await openSample(page);
    await page.getByRole('button', { name: 'Compare…' }).click();
    const drop = page.locator('.cmp-launcher__drop');
    const transfer = await page.evaluateHandle(
      (text) => {
        const data = new DataTransfer();
        data.items.add(new File([text], 'dropped.yaml'));
        return data;
      },
      readFileSync(fixturePath(UNRELATED), 'utf8'),
    );
    for (const type of ['dragenter', 'dragover', 'drop'])
      await drop.dispatchEvent(type, { dataTransfer: transfer });
    const comparison = page.getByRole('region', { name: 'Comparison', exact: true });
    await expect(comparison).toContainText('dropped.yaml');
    // The drop went to Compare, not to the page: still one open cassette.
    await expect(page.getByRole('navigation', { name: 'Open cassettes' }).getByRole('listitem')).toHaveCount(
      1,
    );
  });
});
