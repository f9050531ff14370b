/**
 * Issue 3 in the page: one cassette of every dialect, dropped like a user would, shows its
 * interactions — go-vcr v1 and v2, vcrpy and pydantic-ai's `parsed_body`, Ruby VCR and the R port,
 * Polly HAR, and a gzip-compressed cassette the test makes from a fixture. The expected counts come
 * from the corpus facts, not from this file. The shared `test` fails on any console error.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dropFiles, expect, fixtureFile, fixturePath, test } from './support/fixtures';

const CORPUS = 'tests/fixtures/corpus';
const facts = JSON.parse(readFileSync(fixturePath(`${CORPUS}/facts.json`), 'utf8')) as {
  files: Record<string, { format: string; interaction_count: number; interactions: { url: string }[] }>;
};

const KINDS: [kind: string, path: string][] = [
  ['go-vcr v1', 'go-vcr-v1/go-vcr/v2-examples-etcd.yaml'],
  ['go-vcr v2', 'go-vcr-v2/fantasy/TestAnthropicCommon__claude-sonnet-4__tool_streaming.yaml'],
  ['vcrpy', 'vcrpy/llm-anthropic/test_prompt.yaml'],
  [
    'vcrpy with parsed_body',
    'vcrpy/pydantic-ai/test_anthropic__test_anthropic_model_thinking_part_stream.yaml',
  ],
  ['Ruby VCR', 'ruby-vcr/ruby-openai/gpt-3_5-turbo_streamed_chat.yml'],
  ['R port (vcr for R)', 'ruby-vcr/ellmer/openai-tool.yml'],
  ['Polly HAR', 'polly/cody/cody-chat_103640681.recording.har.yaml'],
];

function expectedCount(path: string): string {
  const n = facts.files[path]!.interaction_count;
  return `${n.toLocaleString('en-US')} interaction${n === 1 ? '' : 's'}`;
}

function firstPath(path: string): string {
  return new URL(facts.files[path]!.interactions[0]!.url).pathname;
}

for (const [kind, path] of KINDS) {
  test(`${kind}: dropping ${path.split('/').pop()} shows its interactions`, async ({ page }) => {
    await page.goto('./');
    await dropFiles(page, [fixtureFile(`${CORPUS}/${path}`)]);
    await expect(page.getByRole('status')).toContainText(expectedCount(path));
    await expect(page.getByRole('grid', { name: 'Interactions' })).toContainText(firstPath(path));
  });
}

test('a gzip-compressed cassette (made by the test) shows its interactions', async ({ page }) => {
  const path = 'go-vcr-v2/fantasy/TestOpenAICommon__openai-gpt-4o__multi_tool_streaming.yaml';
  const gzipped = new Uint8Array(gzipSync(readFileSync(fixturePath(`${CORPUS}/${path}`))));
  await page.goto('./');
  await dropFiles(page, [{ name: 'multi_tool_streaming.yaml.gz', content: gzipped }]);
  await expect(page.getByRole('status')).toContainText(expectedCount(path));
  await expect(page.getByRole('grid', { name: 'Interactions' })).toContainText(firstPath(path));
});
