/**
 * Issue 5 coverage, end to end: replay reaches the end of a streamed Anthropic Messages (SSE) and a
 * Bedrock InvokeModel (AWS event-stream) recording, shows the tool calls with complete arguments,
 * and says where each figure came from. "instant" speed jumps to the end, so the test does not wait
 * for the recorded seconds. The shared `page` fixture fails the test on any console error.
 */
import { expect, openFixture, test } from './support/fixtures';

const DIR = 'tests/fixtures/corpus/go-vcr-v2/fantasy';

interface ReplayCase {
  family: string;
  file: string;
  calls: { name: string; args: string[] }[];
  /** Badge words the timing summary must show, and the origin of the pacing. */
  labels: string[];
  pacing: RegExp;
}

const cases: ReplayCase[] = [
  {
    family: 'Anthropic Messages SSE',
    file: `${DIR}/TestAnthropicCommonWithCacheControl__claude-sonnet-4__multi_tool_streaming.yaml`,
    calls: [
      { name: 'add', args: ['"a": 2', '"b": 3'] },
      { name: 'multiply', args: ['"a": 2', '"b": 3'] },
    ],
    labels: ['recorded', 'estimated'],
    pacing: /tokens\/s/,
  },
  {
    family: 'Bedrock InvokeModel event-stream',
    file: `${DIR}/TestBedrockCommon__bedrock-anthropic-claude-sonnet-4-5__tool_streaming.yaml`,
    calls: [{ name: 'weather', args: ['"location": "Florence,Italy"'] }],
    labels: ['recorded', 'reported'],
    pacing: /amazon-bedrock-invocationMetrics/,
  },
];

for (const { family, file, calls, labels, pacing } of cases) {
  test(`${family}: replays to the end with its tool calls and honest labels`, async ({ page }) => {
    await page.goto('./');
    await openFixture(page, file);
    await expect(page.getByRole('status')).toHaveText(/2 interactions/, { timeout: 30_000 });
    await page.evaluate(() => {
      window.location.hash = 'i=1&view=replay';
    });
    const player = page.getByRole('region', { name: 'Stream replay' });
    await expect(player).toBeVisible();

    const summary = player.getByRole('region', { name: 'Timing summary' });
    for (const label of labels) await expect(summary.getByText(label, { exact: true }).first()).toBeVisible();
    await expect(summary).toContainText(pacing);

    await player.getByRole('combobox', { name: 'Speed' }).selectOption('instant');
    await expect(player.getByTestId('replay-status')).toContainText('Response complete');
    const message = player.getByTestId('replay-message');
    for (const call of calls) {
      const card = message.getByRole('article', { name: `Tool call ${call.name}` });
      await expect(card).toContainText('arguments complete');
      for (const fragment of call.args)
        await expect(card.getByTestId('replay-tool-arguments')).toContainText(fragment);
    }
    await expect(message.getByRole('article', { name: /^Tool call / })).toHaveCount(calls.length);
  });
}
