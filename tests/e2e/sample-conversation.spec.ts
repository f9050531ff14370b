/**
 * Issue 2 acceptance, end to end on the built app: "Open sample" shows the founding cassette as
 * one conversation — system prompt, user message, the add and multiply calls with a=2 and b=3,
 * the results 5 and 6 under (and linked to) the matching calls, and the final answer rendered as
 * a markdown list. The shared `page` fixture fails the test on any console error.
 */
import { expect, openSample, test } from './support/fixtures';

test.describe('the sample conversation', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('./');
    await openSample(page);
  });

  test('shows the prompts, both tool calls with their arguments and results, and the markdown answer', async ({ page }) => {
    const timeline = page.getByRole('region', { name: 'Conversation' });
    await expect(timeline.getByRole('region', { name: 'System message' }).first()).toContainText(
      'You are a helpful assistant. Always use both add and multiply at the same time.',
    );
    await expect(timeline.getByRole('region', { name: 'User message' }).first()).toContainText('Add and multiply the number 2 and 3');

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
    await expect(raw.locator('li.ri-event')).toHaveCount(24);
  });
});
