/**
 * Issue 18, the Raw view as good as DevTools: "Copy as cURL" gives a POSIX-shell command that,
 * parsed back with a shell-words parser (shell-quote), carries the recorded method, URL and body
 * byte for byte and the headers with any key masked (unmasked one click away); headers and bodies
 * copy too; JSON is a foldable tree with JSON-in-strings expanded on one click; stream events are
 * a compact table whose rows open to their JSON; Bedrock payloads show decoded by default.
 * The clipboard is real (Clipboard API, permissions granted to the page).
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parse, type ParseEntry } from 'shell-quote';
import { parse as parseYaml } from 'yaml';
import { expect, fixturePath, openFixture, openSample, test } from './support/fixtures';

const SAMPLE = 'public/samples/multi_tool_streaming_kimi-k2_together.yaml';
const SECRETS = 'tests/fixtures/secrets/go-vcr-v2.yaml';
const BEDROCK =
  'tests/fixtures/corpus/go-vcr-v2/fantasy/TestBedrockCommon__bedrock-anthropic-claude-haiku-4-5__simple_streaming.yaml';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

interface RecordedRequest {
  method: string;
  url: string;
  body: string;
  headers: Record<string, string[]>;
}

function recordedRequests(path: string): RecordedRequest[] {
  const doc = parseYaml(readFileSync(fixturePath(path), 'utf8')) as {
    interactions: { request: RecordedRequest }[];
  };
  return doc.interactions.map((interaction) => interaction.request);
}

/** The curl command's words, read as a POSIX shell reads them (line continuations included). */
function curlParts(command: string) {
  const words = parse(command.replace(/\\\n/g, ' ')).map((entry: ParseEntry) => {
    if (typeof entry !== 'string') throw new Error(`not a plain word: ${JSON.stringify(entry)}`);
    return entry;
  });
  expect(words[0]).toBe('curl');
  const headers: string[] = [];
  let method = '';
  let body: string | null = null;
  const rest: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    if (word === '-X') method = words[++i]!;
    else if (word === '-H') headers.push(words[++i]!);
    else if (word === '--data-raw') body = words[++i]!;
    else rest.push(word);
  }
  return { method, headers, body, rest };
}

async function clipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

async function openRaw(page: Page) {
  await page.getByRole('tab', { name: /^Raw/ }).click();
  const region = page.getByRole('region', { name: /^Raw HTTP of call/ });
  await expect(region).toBeVisible();
  return region;
}

test("Copy as cURL on the sample's first call gives back the recorded request", async ({ page }) => {
  await page.goto('./');
  await openSample(page);
  const raw = await openRaw(page);
  const recorded = recordedRequests(SAMPLE)[0]!;

  await raw.getByRole('button', { name: 'Copy as cURL', exact: true }).click();
  await expect(raw.getByText('Copied the request as cURL')).toBeVisible();
  const parts = curlParts(await clipboard(page));
  expect(parts.method).toBe(recorded.method);
  expect(parts.rest).toEqual([recorded.url]);
  expect(parts.body).toBe(recorded.body);
  const expectedHeaders = Object.entries(recorded.headers).flatMap(([name, values]) =>
    values.map((value) => `${name}: ${value}`),
  );
  expect(parts.headers).toEqual(expectedHeaders);

  // Headers and body copy as recorded too.
  await raw.getByRole('button', { name: 'Copy request headers', exact: true }).click();
  await expect.poll(() => clipboard(page)).toBe(expectedHeaders.join('\n'));
  await raw.getByRole('button', { name: 'Copy request body', exact: true }).click();
  await expect.poll(() => clipboard(page)).toBe(recorded.body);
});

test('cURL and headers are masked by default, and one click copies them unmasked', async ({ page }) => {
  await page.goto('./');
  await openFixture(page, SECRETS);
  await expect(page.getByRole('status')).toHaveText(/interaction/, { timeout: 30_000 });
  // A file opens at its first LLM call (issue 16); the planted secrets are in call 1, an OAuth call.
  await page.locator('.exchange-table__body [role=row]').first().click();
  const raw = await openRaw(page);
  await expect(page.getByRole('region', { name: 'Raw HTTP of call 1' })).toBeVisible();
  const recorded = recordedRequests(SECRETS)[0]!;
  const key = recorded.headers['x-api-key']![0]!;
  const bearer = recorded.headers['authorization']![0]!;

  await raw.getByRole('button', { name: 'Copy as cURL', exact: true }).click();
  await expect(raw.getByText(/Copied the request as cURL, \d+ secrets masked/)).toBeVisible();
  const masked = curlParts(await clipboard(page));
  const maskedKey = masked.headers.find((header) => header.startsWith('x-api-key: '));
  expect(maskedKey).toMatch(/^x-api-key: <MASKED_[A-Z_]+_\d+>$/);
  expect(masked.headers).toContain(masked.headers.find((h) => /^authorization: bearer <MASKED_/.test(h)));
  expect(masked.headers.join('\n')).not.toContain(key);
  expect(masked.rest[0]).toMatch(/^https:\/\/svc-user:<MASKED_/);

  await raw.getByRole('button', { name: 'Copy as cURL, unmasked' }).click();
  await expect(raw.getByText('Copied the request as cURL, unmasked.')).toBeVisible();
  const unmasked = curlParts(await clipboard(page));
  expect(unmasked.method).toBe(recorded.method);
  expect(unmasked.rest).toEqual([recorded.url]);
  expect(unmasked.body).toBe(recorded.body);
  expect(unmasked.headers).toContain(`x-api-key: ${key}`);
  expect(unmasked.headers).toContain(`authorization: ${bearer}`);

  await raw.getByRole('button', { name: 'Copy request headers', exact: true }).click();
  await expect.poll(() => clipboard(page)).toContain('x-api-key: <MASKED_');
  await raw.getByRole('button', { name: 'Copy request headers, unmasked' }).click();
  await expect.poll(() => clipboard(page)).toContain(`x-api-key: ${key}`);
});

test('JSON bodies are a foldable tree, with JSON inside strings one click away', async ({ page }) => {
  await page.goto('./');
  await openSample(page);
  await page.getByRole('grid', { name: 'Interactions' }).getByRole('row').nth(2).click();
  const raw = await openRaw(page);
  const tree = raw.getByRole('tree', { name: 'Request body as JSON' });
  await expect(tree).toBeVisible();
  await expect(tree).toContainText('"model"');
  await expect(tree).toContainText('"moonshotai/kimi-k2-0905"');
  // Tool-call arguments are JSON written in a string; one click shows them as objects.
  await raw.getByRole('button', { name: 'Expand all' }).first().click();
  await expect(tree).toContainText('"arguments":"{\\"a\\":2');
  await raw
    .getByRole('button', { name: /^Expand JSON in strings \(\d+\)$/ })
    .first()
    .click();
  await expect(tree).not.toContainText('"arguments":"{');
  await expect(tree).toContainText('"arguments":{"a":2,"b":3}');

  // Folding: Collapse all keeps the root's fields; a keyboard user unfolds with the arrow keys.
  await raw.getByRole('button', { name: 'Collapse all' }).first().click();
  await expect(tree).toContainText('"model"');
  await expect(tree).not.toContainText('"content"');
  await tree.getByRole('button', { name: 'Fold' }).first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await expect(tree).toContainText('"content":"You are a helpful assistant.');
  await expect(tree.getByRole('button', { name: 'Fold' }).nth(2)).toBeFocused();
});

test('stream events are a compact table, numbered as the replay and the doctor number them', async ({
  page,
}) => {
  await page.goto('./');
  await openSample(page);
  const raw = await openRaw(page);
  const table = raw.getByRole('table', { name: 'Stream events' });
  const rows = table.locator('tbody > tr.ri-event');
  await expect(rows).toHaveCount(24);
  await expect(rows.nth(0).getByRole('cell')).toHaveText([/^▸ 0$/, '', '"I\'ll"', /^\d+ B$/]);
  await expect(rows.nth(16).getByRole('cell').nth(2)).toContainText('args {"a":2,');
  // A row opens to its JSON.
  await rows.nth(0).getByRole('button', { name: 'Event 0, unfold' }).click();
  const eventTree = raw.getByRole('tree', { name: 'Event 0 as JSON' });
  await expect(eventTree).toContainText('"chat.completion.chunk"');
  await expect(rows.nth(0).getByRole('button', { name: 'Event 0, fold' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
});

test('Bedrock event-stream payloads show decoded, the recorded base64 one click away', async ({ page }) => {
  await page.goto('./');
  await openFixture(page, BEDROCK);
  await expect(page.getByRole('status')).toHaveText(/interaction/, { timeout: 30_000 });
  const raw = await openRaw(page);
  await expect(raw).toContainText('AWS event-stream frames');
  const rows = raw.getByRole('table', { name: 'Stream events' }).locator('tbody > tr.ri-event');
  await expect(rows.first().getByRole('cell').nth(1)).toHaveText('chunk');
  await rows.first().getByRole('button', { name: 'Event 0, unfold' }).click();
  const tree = raw.getByRole('tree', { name: 'Event 0 as JSON' });
  await expect(tree).toContainText('"message_start"');
  await expect(raw).toContainText('Payload decoded from the frame’s base64 “bytes” field.');
  await raw.getByRole('button', { name: 'Show recorded frame (base64)' }).click();
  await expect(tree).toHaveCount(0);
  await expect(raw.locator('tr.ri-event-detail')).toContainText('"bytes": "eyJ0eXBlIjoibWVzc2FnZV9zdGFydC');
});
