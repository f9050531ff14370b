/**
 * Issue 16, end to end: one file of each recorder added with it (LangChain gzip YAML, cassetter,
 * nock, httprr, ExVCR) opened as a user would shows its conversation: the interaction count, the
 * tool calls the model made and the assistant's text. Expected values come from the corpus facts
 * (tests/fixtures/corpus/facts.json), not from this file. The shared `page` fixture fails the test
 * on any console error.
 */
import { readFileSync } from 'node:fs';
import { expect, fixturePath, openFixture, test } from './support/fixtures';

const CORPUS = 'tests/fixtures/corpus';
const facts = JSON.parse(readFileSync(fixturePath(`${CORPUS}/facts.json`), 'utf8')) as {
  files: Record<
    string,
    {
      format: string;
      interaction_count: number;
      interactions: { tool_calls: string[]; text: string | null }[];
    }
  >;
};

const FILES = [
  'langchain-yaml-gz/langchain-aws/test_agent_loop_streaming[v1].yaml.gz',
  'cassetter/pydantic-ai/test_openai_tool_output.yaml',
  'cassetter/pydantic-ai/test_anthropic_model_thinking_part_stream.yaml',
  'nock/opentelemetry-js-contrib/openai-chat-completions-records-tool-calls.json',
  'httprr/langchaingo/TestClient_CreateMessageStream.httprr',
  'exvcr/elixir_llm/openai_chat_simple.json',
];

/** The words of a text, matched whatever whitespace or line breaks the page puts between them. */
function wordsOf(text: string): RegExp {
  const words = text.trim().split(/\s+/).slice(0, 6);
  return new RegExp(words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*'));
}

for (const path of FILES) {
  const fact = facts.files[path]!;
  test(`${fact.format}: ${path.split('/').pop()} shows its conversation`, async ({ page }) => {
    await page.goto('./');
    await openFixture(page, `${CORPUS}/${path}`);
    const n = fact.interaction_count;
    // Loading time is not what this test measures; on a busy machine a worker can take a while.
    await expect(page.getByRole('status')).toHaveText(new RegExp(`^${n} interactions?(, |$)`), {
      timeout: 30_000,
    });
    const timeline = page.getByRole('region', { name: 'Conversation' });
    const calls = fact.interactions.flatMap((interaction) => interaction.tool_calls);
    for (const [index, name] of calls.entries())
      await expect(timeline.getByRole('article', { name: `Tool call #${index + 1} ${name}` })).toBeVisible();
    const texts = fact.interactions
      .map((interaction) => interaction.text ?? '')
      .filter((text) => text !== '');
    const last = texts.at(-1);
    if (last !== undefined)
      await expect(timeline.getByRole('region', { name: 'Assistant message' }).last()).toContainText(
        wordsOf(last),
      );
    // Each file has a tool call or a text to show, so the test always checks the conversation.
    expect(calls.length + texts.length).toBeGreaterThan(0);
  });
}
