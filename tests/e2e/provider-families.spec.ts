/**
 * Issue 4 acceptance, end to end: one streamed fixture per API family (OpenAI Chat Completions,
 * OpenAI Responses, Anthropic Messages, Gemini, Bedrock). For each, the timeline shows the right
 * tool-call names with their arguments and the final assistant text. Expected values come from
 * the recordings themselves (tests/fixtures/corpus/facts.json and the request that sends the
 * calls back). The shared `page` fixture fails the test on any console error.
 */
import { expect, openFixture, test } from './support/fixtures';

interface FamilyCase {
  family: string;
  file: string;
  calls: { name: string; args: string[] }[];
  finalText: string;
}

const DIR = 'tests/fixtures/corpus/go-vcr-v2/fantasy';

const cases: FamilyCase[] = [
  {
    family: 'OpenAI Chat Completions',
    file: `${DIR}/TestOpenAICommon__openai-gpt-4o__multi_tool_streaming.yaml`,
    calls: [
      { name: 'add', args: ['"a": 2', '"b": 3'] },
      { name: 'multiply', args: ['"a": 2', '"b": 3'] },
    ],
    finalText: 'The sum of 2 and 3 is 5, and the product is 6.',
  },
  {
    family: 'OpenAI Responses',
    file: `${DIR}/TestOpenAIResponsesCommon__openai-gpt-5__tool_streaming.yaml`,
    calls: [{ name: 'weather', args: ['"location": "Florence, Italy"'] }],
    finalText: 'Florence, Italy is currently about 40°C (104°F).',
  },
  {
    family: 'Anthropic Messages',
    file: `${DIR}/TestAnthropicCommonWithCacheControl__claude-sonnet-4__multi_tool_streaming.yaml`,
    calls: [
      { name: 'add', args: ['"a": 2', '"b": 3'] },
      { name: 'multiply', args: ['"a": 2', '"b": 3'] },
    ],
    finalText: '2 × 3 = 6',
  },
  {
    family: 'Gemini',
    file: `${DIR}/TestGoogleCommon__gemini-2.5-flash__multi_tool_streaming.yaml`,
    calls: [
      { name: 'add', args: ['"a": 2', '"b": 3'] },
      { name: 'multiply', args: ['"a": 2', '"b": 3'] },
    ],
    finalText: 'The sum of 2 and 3 is 5. The product of 2 and 3 is 6.',
  },
  {
    family: 'AWS Bedrock',
    file: `${DIR}/TestBedrockCommon__bedrock-anthropic-claude-sonnet-4-5__tool_streaming.yaml`,
    calls: [{ name: 'weather', args: ['"location": "Florence,Italy"'] }],
    finalText: 'The weather in Florence, Italy is currently 40°C (104°F).',
  },
];

for (const { family, file, calls, finalText } of cases) {
  test(`${family}: tool calls with arguments and the final text`, async ({ page }) => {
    await page.goto('./');
    await openFixture(page, file);
    // Loading time is not what this test measures; on a busy machine a worker can take a while.
    await expect(page.getByRole('status')).toHaveText(/2 interactions/, { timeout: 30_000 });
    const timeline = page.getByRole('region', { name: 'Conversation' });

    for (const [index, call] of calls.entries()) {
      const card = timeline.getByRole('article', { name: `Tool call #${index + 1} ${call.name}` });
      await expect(card).toBeVisible();
      for (const fragment of call.args) await expect(card).toContainText(fragment);
      await expect(card.getByTestId('tool-call-result')).not.toBeEmpty();
    }
    await expect(timeline.getByRole('article', { name: /^Tool call #/ })).toHaveCount(calls.length);
    await expect(timeline.getByRole('region', { name: 'Assistant message' }).last()).toContainText(finalText);
  });
}
