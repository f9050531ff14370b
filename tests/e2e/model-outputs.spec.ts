/**
 * Issue 16, end to end: what the model made and what it mixed with. The audio file shows a player
 * and its transcript; each image file of the corpus shows its thumbnail, which opens full size; a
 * 200 from /v1/chat/completions whose body is not JSON shows raw, with its doctor finding; each Cody
 * HAR shows its first completion on the first screen of the timeline, its other HTTP calls folded.
 * Expected values come from the corpus facts (tests/fixtures/corpus/facts.json). The shared `page`
 * fixture fails each test on any console error.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { dropFiles, expect, fixturePath, openFixture, test } from './support/fixtures';

const CORPUS = 'tests/fixtures/corpus';
interface Fact {
  interaction_count: number;
  interactions: { url: string; images?: number; audio_transcript?: string | null }[];
}
const facts = JSON.parse(readFileSync(fixturePath(`${CORPUS}/facts.json`), 'utf8')) as {
  files: Record<string, Fact>;
};
const paths = Object.keys(facts.files);

async function open(page: Page, path: string) {
  await page.goto('./');
  await openFixture(page, `${CORPUS}/${path}`);
  const n = facts.files[path]!.interaction_count;
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^${n} interactions?(, |$)`), {
    timeout: 30_000,
  });
  return page.getByRole('region', { name: 'Conversation' });
}

const AUDIO = paths.filter((path) => facts.files[path]!.interactions.some((i) => i.audio_transcript));
for (const path of AUDIO) {
  test(`audio: ${path.split('/').pop()} shows a player and the transcript`, async ({ page }) => {
    const timeline = await open(page, path);
    const transcript = facts.files[path]!.interactions.find((i) => i.audio_transcript)!.audio_transcript!;
    const audio = timeline.getByRole('figure', { name: 'Audio' });
    await expect(audio.locator('audio[controls]')).toBeAttached();
    await expect(timeline).toContainText(transcript);
  });
}

const IMAGES = paths.filter((path) => facts.files[path]!.interactions.some((i) => (i.images ?? 0) > 0));
for (const path of IMAGES) {
  test(`image: ${path.split('/').pop()} shows its thumbnail, which opens full size`, async ({ page }) => {
    const timeline = await open(page, path);
    const count = facts.files[path]!.interactions.reduce((sum, i) => sum + (i.images ?? 0), 0);
    const thumbnails = timeline.getByRole('button', { name: /^Open full size: Generated image/ });
    await expect(thumbnails).toHaveCount(count);
    const thumbnail = thumbnails.first().locator('img');
    await expect(thumbnail).toBeVisible();
    // A real decoded image, not a broken one.
    await expect
      .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    await thumbnails.first().click();
    const dialog = page.getByRole('dialog', { name: /^Generated image/ });
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('img')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });
}

/** A go-vcr cassette made by the test: a 200 from /v1/chat/completions with an HTML body. */
const NOT_JSON = `version: 2
interactions:
- id: 0
  request:
    proto: HTTP/1.1
    body: '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hi"}]}'
    headers:
      Content-Type:
      - application/json
    url: https://api.openai.com/v1/chat/completions
    method: POST
  response:
    proto: HTTP/1.1
    body: '<html><body>Gateway says: upstream busy, try again</body></html>'
    headers:
      Content-Type:
      - text/html
    status: 200 OK
    code: 200
    duration: 120ms
`;

test('a 200 from /v1/chat/completions whose body is not JSON shows raw, with its doctor finding', async ({
  page,
}) => {
  await page.goto('./');
  await dropFiles(page, [{ name: 'not-json.yaml', content: NOT_JSON }]);
  await expect(page.getByRole('status')).toHaveText(/^1 interaction(, |$)/, { timeout: 30_000 });
  const card = page.getByRole('region', { name: 'Unread response body of call #1' });
  await expect(card).toContainText('Gateway says: upstream busy, try again');
  await expect(card).toContainText(/not JSON/);
  // The doctor names the same call (unreadable-body is an error). It starts as one badge line
  // (issue 17's workbench); its summary opens the list.
  const doctor = page.getByRole('group', { name: 'Stream doctor' });
  await expect(doctor).toContainText('1 error');
  await doctor.locator('summary').click();
  await expect(doctor.getByText(/the body is shown raw/)).toBeVisible();
});

const CODY = paths.filter((path) => path.startsWith('polly/cody/'));
for (const path of CODY) {
  test(`Cody: ${path.split('/').pop()} shows its first completion on the first screen of the timeline`, async ({
    page,
  }) => {
    const timeline = await open(page, path);
    const interactions = facts.files[path]!.interactions;
    const first = interactions.findIndex((i) => i.url.includes('/.api/completions/'));
    expect(first).toBeGreaterThanOrEqual(0);
    const boundary = timeline.locator(`#exchange-${first}`);
    await expect(boundary).toBeVisible();
    // Within the timeline's first screen: its top inside the region's visible box.
    const [box, region] = await Promise.all([boundary.boundingBox(), timeline.boundingBox()]);
    expect(box!.y).toBeLessThan(region!.y + region!.height);
    expect(box!.y).toBeGreaterThanOrEqual(region!.y);
    // The calls before it that no LLM adapter read are folded, in the timeline and the table.
    const before = interactions.slice(0, first).length;
    if (before >= 2) {
      await expect(
        timeline.getByRole('button', { name: new RegExp(`^▸ ${before} other HTTP calls`) }),
      ).toBeVisible();
      await expect(
        page
          .getByRole('grid', { name: 'Interactions' })
          .getByRole('button', { name: new RegExp(`${before} other HTTP calls`) }),
      ).toBeVisible();
    }
  });
}

test('"LLM calls only" hides the other calls, and a fold line opens them on a click', async ({ page }) => {
  const path = 'polly/cody/defaultClient_631904893.recording.har';
  await open(page, path);
  const grid = page.getByRole('grid', { name: 'Interactions' });
  const fold = grid.getByRole('button', { name: /22 other HTTP calls/ });
  await expect(fold).toBeVisible();
  await fold.click();
  await expect(grid.locator('#exchange-row-0')).toBeVisible();
  await page.getByLabel('LLM calls only').check();
  await expect(page.locator('.exchange-table__count')).toHaveText('4 of 35 rows');
  await expect(grid.locator('#exchange-row-0')).toHaveCount(0);
  await expect(grid.getByRole('button', { name: /other HTTP call/ })).toHaveCount(0);
  // The selection stays on a shown row.
  await expect(grid.locator('[aria-selected=true]')).toHaveCount(1);
});
