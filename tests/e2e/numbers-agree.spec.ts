/**
 * Issue 18, "one truth for every number": the page never contradicts itself. A stream cut short
 * ends the replay with the doctor's words and event number; the summary's Errors and Warnings are
 * the doctor's counts; counts of 1,000 or more carry separators; a recorder's unmeasured zero
 * durations read "not recorded". The shared `page` fixture fails a test on any console error.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { dropFiles, expect, fixturePath, openFixture, test } from './support/fixtures';
import { smallCallsCassette } from './support/synthetic-cassette';

const SAMPLE = 'public/samples/multi_tool_streaming_kimi-k2_together.yaml';
/** The last event (counted from 0) the cut stream keeps. */
const LAST_KEPT = 16;

/** The sample with its first stream cut after event 16: the rest, `data: [DONE]` included, is gone. */
function cutSample(): string {
  const lines = readFileSync(fixturePath(SAMPLE), 'utf8').split('\n');
  const done = lines.findIndex((line) => line.includes('data: [DONE]'));
  const events = lines
    .map((line, index) => ({ line, index }))
    .filter(({ line, index }) => index < done && line.trim().startsWith('data: '));
  const firstDropped = events[LAST_KEPT + 1];
  if (!firstDropped) throw new Error('the sample changed: not enough events in its first stream');
  lines.splice(firstDropped.index, done - firstDropped.index + 1);
  return lines.join('\n');
}

/** The figure under `label` in the cassette summary. */
function figure(page: Page, label: string) {
  return page
    .getByRole('region', { name: 'Cassette summary' })
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]');
}

test.describe('a stream cut short', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('./');
    await dropFiles(page, [{ name: 'cut-sample.yaml', content: cutSample() }]);
    await expect(page.getByRole('status')).toContainText('2 interactions');
  });

  test('Replay ends where the doctor says the stream stops, with the same event number', async ({ page }) => {
    const doctor = page.getByRole('group', { name: 'Stream doctor' });
    await expect(doctor).toContainText(`stream stops after event ${LAST_KEPT} without its terminal event`);

    await page.getByRole('tab', { name: /^Replay/ }).click();
    await page.getByRole('slider', { name: 'Replay position' }).focus();
    await page.keyboard.press('End');
    const status = page.getByTestId('replay-status');
    await expect(status).toHaveText(
      `Stream cut short after event ${LAST_KEPT} — ${LAST_KEPT + 1} events, no terminal event`,
    );
    await expect(status).not.toContainText('complete');
    // The highlighted row carries the same number as the status and the doctor.
    const table = page.getByRole('table', { name: 'Stream events' });
    await expect(table.locator('[aria-current="true"] [role=cell]').first()).toHaveText(String(LAST_KEPT));

    // One step back: the status names the highlighted row's event, and counts arrivals apart.
    await page.keyboard.press('ArrowLeft');
    await expect(status).toHaveText(`Streaming — event ${LAST_KEPT - 1} (${LAST_KEPT} of ${LAST_KEPT + 1})`);
    await expect(table.locator('[aria-current="true"] [role=cell]').first()).toHaveText(
      String(LAST_KEPT - 1),
    );
  });

  test('the summary counts the errors and warnings the doctor counts, in its words', async ({ page }) => {
    const counts = page.getByRole('group', { name: 'Stream doctor' }).locator('.doctor__counts');
    const text = (await counts.textContent()) ?? '';
    const errors = Number(/(\d+) errors?/.exec(text)?.[1] ?? 0);
    const warnings = Number(/(\d+) warnings?/.exec(text)?.[1] ?? 0);
    expect(errors, `the doctor's counts: "${text}"`).toBeGreaterThan(0);
    await expect(figure(page, 'Errors')).toHaveText(String(errors));
    await expect(figure(page, 'Warnings')).toHaveText(String(warnings));
    // No second word for the same thing.
    await expect(page.getByRole('region', { name: 'Cassette summary' })).not.toContainText('Findings');
    await expect(page.getByRole('status')).toContainText(`${errors} error`);
  });
});

test('Polly zeroed timings read "not recorded", as other formats without timings do', async ({ page }) => {
  await page.goto('./');
  await openFixture(page, 'tests/fixtures/corpus/polly/cody/defaultClient_631904893.recording.har');
  await expect(page.getByRole('status')).toContainText('35 interactions', { timeout: 30_000 });
  await expect(figure(page, 'Recorded time')).toHaveText('not recorded');
  const grid = page.getByRole('grid', { name: 'Interactions' });
  await expect(grid).not.toContainText('0 ms');
  await expect(grid.getByText('not recorded').first()).toBeAttached();
});

test('the Share dialog writes 2,000 with a separator, as the rest of the page does', async ({ page }) => {
  // 2,000 small calls (1.2 MB): the sample's streamed calls would make it 22 MB, which took up to
  // a minute to load on a busy two-core machine and says nothing more about how numbers read.
  await page.goto('./');
  await dropFiles(page, [{ name: 'two-thousand.yaml', content: smallCallsCassette(2000) }]);
  await expect(page.getByRole('status')).toHaveText(/^2,000 interactions/, { timeout: 30_000 });
  await page.getByRole('grid', { name: 'Interactions' }).getByRole('row').nth(1).click();
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: /Share/ });
  await expect(dialog.getByText('All 2,000 interactions')).toBeVisible();
  await page.keyboard.press('Escape');
});
