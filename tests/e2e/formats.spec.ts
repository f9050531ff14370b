/**
 * Issue 3 in the page: one cassette of every dialect, dropped like a user would, shows its
 * interactions — go-vcr v1 and v2, vcrpy and pydantic-ai's `parsed_body`, Ruby VCR and the R port,
 * Polly HAR, and a gzip-compressed cassette the test makes from a fixture. The expected counts come
 * from the corpus facts, not from this file, and must match exactly (status line and summary).
 * Issue 3's "metadata in the page" is checked on one file each: the recorder and `recorded_at` of a
 * Ruby VCR cassette, the protocol and recorded duration of a go-vcr one. The shared `test` fails on
 * any console error.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { dropFiles, expect, fixtureFile, fixturePath, test } from './support/fixtures';

const CORPUS = 'tests/fixtures/corpus';
const facts = JSON.parse(readFileSync(fixturePath(`${CORPUS}/facts.json`), 'utf8')) as {
  files: Record<
    string,
    {
      format: string;
      interaction_count: number;
      interactions: { url: string; duration_ms: number | null }[];
    }
  >;
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

/**
 * The status line for the fixture's count, exactly: "1 interaction" must not match "11
 * interactions". The line may go on with errors and warnings ("2 interactions, 1 warning").
 */
function expectedCount(path: string): RegExp {
  const n = facts.files[path]!.interaction_count;
  return new RegExp(`^${n.toLocaleString('en-US')} interaction${n === 1 ? '' : 's'}(, |$)`);
}

/** The "Interactions" figure of the cassette summary, which must read the exact count. */
async function expectSummaryCount(page: Page, path: string): Promise<void> {
  const figure = page
    .getByRole('region', { name: 'Cassette summary' })
    .locator('.summary-figure')
    .filter({ has: page.locator('dt', { hasText: /^Interactions$/ }) });
  await expect(figure.locator('dd')).toHaveText(facts.files[path]!.interaction_count.toLocaleString('en-US'));
}

/** The fixture as plain data (the `yaml` package, not the app's reader), for values to expect. */
function fixtureData(path: string): Record<string, unknown> {
  return parse(readFileSync(fixturePath(`${CORPUS}/${path}`), 'utf8')) as Record<string, unknown>;
}

/** Selects the interaction in row `index` (0-based) and opens its Raw view. */
async function openRaw(page: Page, index: number) {
  await page.locator('.exchange-table__body [role=row]').nth(index).click();
  await page.getByRole('tab', { name: /Raw/ }).click();
  return page.getByRole('region', { name: `Raw HTTP of call ${index + 1}` });
}

function firstPath(path: string): string {
  return new URL(facts.files[path]!.interactions[0]!.url).pathname;
}

for (const [kind, path] of KINDS) {
  test(`${kind}: dropping ${path.split('/').pop()} shows its interactions`, async ({ page }) => {
    await page.goto('./');
    await dropFiles(page, [fixtureFile(`${CORPUS}/${path}`)]);
    await expect(page.getByRole('status')).toHaveText(expectedCount(path));
    await expectSummaryCount(page, path);
    await expect(page.getByRole('grid', { name: 'Interactions' })).toContainText(firstPath(path));
  });
}

test('Ruby VCR: the summary names the recorder (recorded_with) and the raw view shows recorded_at', async ({
  page,
}) => {
  const path = 'ruby-vcr/ruby-openai/gpt-3_5-turbo_streamed_chat.yml';
  const data = fixtureData(path) as {
    recorded_with: string;
    http_interactions: { recorded_at: string }[];
  };
  expect(data.recorded_with).toMatch(/^VCR \d/);
  await page.goto('./');
  await dropFiles(page, [fixtureFile(`${CORPUS}/${path}`)]);
  await expect(page.getByRole('status')).toHaveText(expectedCount(path));
  await expect(page.getByRole('region', { name: 'Cassette summary' })).toContainText(
    `recorded with ${data.recorded_with}`,
  );
  const raw = await openRaw(page, 0);
  const timing = raw.getByRole('region', { name: 'Recorded timing' });
  await expect(timing.locator('div', { has: page.locator('dt', { hasText: /^Recorded at$/ }) })).toHaveText(
    `Recorded at${data.http_interactions[0]!.recorded_at}`,
  );
});

test('go-vcr v2: the raw view shows the protocol of request and response and the recorded duration', async ({
  page,
}) => {
  const path = 'go-vcr-v2/fantasy/TestAnthropicCommon__claude-sonnet-4__tool_streaming.yaml';
  const data = fixtureData(path) as {
    interactions: { request: { proto: string }; response: { proto: string } }[];
  };
  const [first] = data.interactions;
  // Two different protocols, so a view that showed one in both places would fail.
  expect([first!.request.proto, first!.response.proto]).toEqual(['HTTP/1.1', 'HTTP/2.0']);
  // go-vcr writes `duration: 1.147410833s`; the corpus facts hold it in ms.
  const durationMs = facts.files[path]!.interactions[0]!.duration_ms;
  expect(durationMs).toBeGreaterThan(0);
  await page.goto('./');
  await dropFiles(page, [fixtureFile(`${CORPUS}/${path}`)]);
  await expect(page.getByRole('status')).toHaveText(expectedCount(path));
  const raw = await openRaw(page, 0);
  await expect(raw.getByRole('region', { name: 'Request' }).getByRole('heading')).toHaveText(
    `POST ${facts.files[path]!.interactions[0]!.url} ${first!.request.proto}`,
  );
  await expect(raw.getByRole('region', { name: 'Response' }).getByRole('heading').first()).toHaveText(
    new RegExp(`^${first!.response.proto.replace('.', '\\.')} 200\\b`),
  );
  const timing = raw.getByRole('region', { name: 'Recorded timing' });
  await expect(timing.locator('div', { has: page.locator('dt', { hasText: /^Duration$/ }) })).toHaveText(
    `Duration${durationMs} ms (go-vcr duration, time to response headers)`,
  );
});

test('a gzip-compressed cassette (made by the test) shows its interactions', async ({ page }) => {
  const path = 'go-vcr-v2/fantasy/TestOpenAICommon__openai-gpt-4o__multi_tool_streaming.yaml';
  const gzipped = new Uint8Array(gzipSync(readFileSync(fixturePath(`${CORPUS}/${path}`))));
  await page.goto('./');
  await dropFiles(page, [{ name: 'multi_tool_streaming.yaml.gz', content: gzipped }]);
  await expect(page.getByRole('status')).toHaveText(expectedCount(path));
  await expectSummaryCount(page, path);
  await expect(page.getByRole('grid', { name: 'Interactions' })).toContainText(firstPath(path));
});
