/**
 * Issue 2 acceptance, end to end on the built app: "Open sample" shows the founding cassette as
 * one conversation — system prompt, user message, the add and multiply calls with a=2 and b=3,
 * the results 5 and 6 under (and linked to) the matching calls, and the final answer rendered as
 * a markdown list. The shared `page` fixture fails the test on any console error.
 */
import { readFileSync } from 'node:fs';
import { expect, fixturePath, openSample, test } from './support/fixtures';

const SAMPLE = 'tests/fixtures/corpus/seed/multi_tool_streaming_kimi-k2_together.yaml';

/** The sample's interactions repeated `times` times: a long thread built from real traffic. */
function repeatedSample(times: number): string {
  const text = readFileSync(fixturePath(SAMPLE), 'utf8');
  const start = text.indexOf('interactions:\n') + 'interactions:\n'.length;
  return text.slice(0, start) + text.slice(start).repeat(times);
}

test.describe('the sample conversation', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('./');
    await openSample(page);
  });

  test('shows the prompts, both tool calls with their arguments and results, and the markdown answer', async ({
    page,
  }) => {
    const timeline = page.getByRole('region', { name: 'Conversation' });
    await expect(timeline.getByRole('region', { name: 'System message' }).first()).toContainText(
      'You are a helpful assistant. Always use both add and multiply at the same time.',
    );
    await expect(timeline.getByRole('region', { name: 'User message' }).first()).toContainText(
      'Add and multiply the number 2 and 3',
    );

    for (const [ordinal, name, result] of [
      [1, 'add', '5'],
      [2, 'multiply', '6'],
    ] as const) {
      const call = timeline.getByRole('article', { name: `Tool call #${ordinal} ${name}` });
      await expect(call).toBeVisible();
      await expect(call).toContainText('"a": 2');
      await expect(call).toContainText('"b": 3');
      // The call shows the result that answers it ...
      await expect(call.getByTestId('tool-call-result')).toHaveText(result);
      // ... and the result card names the call it answers.
      const resultCard = timeline.getByRole('article', { name: `Tool result for call #${ordinal} ${name}` });
      await expect(resultCard).toContainText(result);
      await expect(resultCard.getByRole('button', { name: `← call #${ordinal} ${name}` })).toBeVisible();
    }

    const answer = timeline.getByRole('region', { name: 'Assistant message' }).last();
    await expect(answer.locator('li')).toHaveCount(2);
    await expect(answer.locator('li').first()).toHaveText('Addition: 2 + 3 = 5');
    await expect(answer.locator('li').last()).toHaveText('Multiplication: 2 × 3 = 6');
  });

  test('keeps each HTTP call visible and links results to calls both ways', async ({ page }) => {
    const timeline = page.getByRole('region', { name: 'Conversation' });
    const first = timeline.getByRole('button', { name: /^Call 1: POST openrouter\.ai/ });
    const second = timeline.getByRole('button', { name: /^Call 2: POST openrouter\.ai/ });
    await expect(first).toContainText('finish: tool_calls');
    await expect(first).toContainText('218');
    await expect(second).toContainText('finish: stop');
    await expect(second).toContainText('392');

    await second.click();
    await expect(second).toHaveAttribute('aria-pressed', 'true');
    await expect(first).toHaveAttribute('aria-pressed', 'false');

    // "→ result" moves focus to the result card; "← call" back to the call card.
    const addCall = timeline.getByRole('article', { name: 'Tool call #1 add' });
    await addCall.getByRole('button', { name: '→ result' }).click();
    const addResult = timeline.getByRole('article', { name: 'Tool result for call #1 add' });
    await expect(addResult).toBeFocused();
    await addResult.getByRole('button', { name: '← call #1 add' }).click();
    await expect(addCall).toBeFocused();

    // Folded history expands on demand.
    const history = timeline.getByRole('button', { name: /3 earlier messages/ });
    await expect(history).toHaveAttribute('aria-expanded', 'false');
    await history.click();
    await expect(history).toHaveAttribute('aria-expanded', 'true');
    // The fold holds the second request's own copies, read from the file's worker on opening.
    const folded = timeline.locator('.cv-history-body');
    await expect(folded).toContainText('Always use both add and multiply at the same time.');
    await expect(folded).toContainText('Add and multiply the number 2 and 3');
    await expect(folded.locator('.cv-message')).toHaveCount(3);
  });

  test('shows the tool definitions once with their schema and call counts', async ({ page }) => {
    const timeline = page.getByRole('region', { name: 'Conversation' });
    const tools = timeline.locator('details.cv-tools');
    await expect(tools).toHaveCount(1);
    await tools.locator('summary').first().click();
    await expect(tools).toContainText('1 call');
    await tools.locator('li', { hasText: 'multiply' }).locator('summary').click();
    await expect(tools.locator('li', { hasText: 'multiply' })).toContainText('"type": "object"');
  });

  test('the raw view lists the stream events of the selected call', async ({ page }) => {
    await page.getByRole('tab', { name: /Raw/ }).click();
    const raw = page.getByRole('region', { name: 'Raw HTTP of call 1' });
    await expect(raw).toContainText('POST https://openrouter.ai/api/v1/chat/completions');
    await expect(raw).toContainText('Server-Sent Events · 24 events');
    await expect(raw.locator('tr.ri-event')).toHaveCount(24);
  });
});

test('a long thread is virtualized, and selecting a late call scrolls the timeline to it', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('./');
  // Through the file input with a buffer: a 1 MB drop payload would be serialized number by number.
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles({
      name: 'long-sample.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(repeatedSample(60)),
    });
  await expect(page.getByRole('status')).toHaveText(/120 interactions/, { timeout: 30_000 });
  const timeline = page.getByRole('region', { name: 'Conversation' });
  await expect(timeline.getByRole('button', { name: /^Call 1: POST/ })).toBeVisible();
  // Hundreds of rows, but only a window of them in the DOM.
  expect(await timeline.locator('.cv-row').count()).toBeLessThan(60);

  await page.evaluate(() => {
    location.hash = 'i=117';
  });
  const late = timeline.getByRole('button', { name: /^Call 117: POST/ });
  await expect(late).toBeInViewport();
  await expect(late).toHaveAttribute('aria-pressed', 'true');

  await timeline.evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
  await expect(timeline.getByText('Total over 120 calls')).toBeVisible();
});
