/**
 * Every way a cassette comes in: the file input, drops of several files, paste, and a file that
 * fails to load, which must show the error panel without losing what was open.
 */
import { dropFiles, expect, fixtureFile, openFixture, openSample, test } from './support/fixtures';

const SECOND = 'tests/fixtures/corpus/go-vcr-v2/fantasy/TestOpenAICommon__openai-gpt-4o__simple.yaml';
const TOOL_STREAMING =
  'tests/fixtures/corpus/go-vcr-v2/fantasy/TestOpenAICommon__openai-gpt-4o__tool_streaming.yaml';

const MALFORMED_YAML = [
  '---',
  'version: 2',
  'interactions:',
  '  - request:',
  '      method: POST',
  '     url: [unclosed',
  '',
].join('\n');

test('opening a second fixture through the file input shows its conversation', async ({ page }) => {
  await page.goto('./');
  await openSample(page);
  await openFixture(page, SECOND);
  await expect(page.getByRole('status')).toHaveText('1 interaction');
  await expect(page.getByText('Say hi in Portuguese').first()).toBeVisible();
  await expect(page.getByText('Oi!').first()).toBeVisible();
  const list = page.getByRole('navigation', { name: 'Open cassettes' });
  await expect(list.getByRole('listitem')).toHaveCount(2);

  // One click switches back to the sample.
  await list.getByRole('button', { name: /^multi_tool_streaming_kimi-k2_together/ }).click();
  await expect(page.getByRole('status')).toHaveText('2 interactions');
  await expect(page.getByText('Add and multiply the number 2 and 3').first()).toBeVisible();
});

test('a malformed YAML is listed as failed, the first file stays shown, and its panel has a line number', async ({
  page,
}) => {
  await page.goto('./');
  await openSample(page);
  await dropFiles(page, [{ name: 'broken.yaml', content: MALFORMED_YAML }]);
  const list = page.getByRole('navigation', { name: 'Open cassettes' });
  await expect(list).toContainText('could not load');
  // The failure never takes the selection away from the loaded cassette (issue 18).
  await expect(page.getByRole('status')).toHaveText('2 interactions');

  await list.getByRole('button', { name: /^broken\.yaml/ }).click();
  const panel = page.getByRole('alert');
  await expect(panel).toContainText('broken.yaml');
  await expect(panel).toContainText(/Line \d+/);
  await expect(page.getByRole('status')).toHaveText('Could not open broken.yaml');

  await list.getByRole('button', { name: /^multi_tool_streaming_kimi-k2_together/ }).click();
  await expect(page.getByRole('status')).toHaveText('2 interactions');
});

test('several files dropped at once are all listed', async ({ page }) => {
  await page.goto('./');
  // Random bytes stand in for a mistaken or hostile drop: it must fail with a message, not a console error.
  const random = new Uint8Array(4096).map((_, index) => (index * 2654435761) >>> 24);
  await dropFiles(page, [
    fixtureFile(SECOND),
    fixtureFile(TOOL_STREAMING),
    { name: 'notes.txt', content: 'not a cassette' },
    { name: 'random.bin', content: random },
  ]);
  const list = page.getByRole('navigation', { name: 'Open cassettes' });
  await expect(list.getByRole('listitem')).toHaveCount(4);
  await expect(list).toContainText('TestOpenAICommon__openai-gpt-4o__simple.yaml');
  await expect(list).toContainText('TestOpenAICommon__openai-gpt-4o__tool_streaming.yaml');
  await expect(list).toContainText('notes.txt');
  await expect(list.getByText(/\d+ interactions?/)).toHaveCount(2);
  await expect(list.getByText('could not load')).toHaveCount(2);
});

test('pasting cassette text outside a text field opens it', async ({ page }) => {
  await page.goto('./');
  const text = fixtureFile(SECOND).content as Uint8Array;
  await page.evaluate((bytes) => {
    const data = new DataTransfer();
    data.setData('text/plain', new TextDecoder().decode(new Uint8Array(bytes)));
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, Array.from(text));
  // The first load of a page also starts its worker: on a busy machine that took over 10 s.
  await expect(page.getByRole('status')).toHaveText('1 interaction', { timeout: 30_000 });
  await expect(page.getByRole('navigation', { name: 'Open cassettes' })).toContainText('pasted-1');
});
