/**
 * Issue 7, stream doctor in the page: a copy of the sample broken by the test (one stream event's
 * JSON cut in half, and finish_reason set to length) shows a mark on its table row, a findings list
 * that names the event, and a finding that jumps to the event in Raw and in Replay. The shared
 * `page` fixture fails the test on any console error.
 */
import { readFileSync } from 'node:fs';
import { dropFiles, expect, fixturePath, test } from './support/fixtures';

const SAMPLE = 'public/samples/multi_tool_streaming_kimi-k2_together.yaml';
/** The counted stream event (from 0) whose JSON the test cuts. */
const BROKEN_EVENT = 8;

/** The sample without its max_tokens, with event 8 of the first stream cut in half and the first finish reason set to length. */
function brokenSample(): string {
  const lines = readFileSync(fixturePath(SAMPLE), 'utf8').split('\n');
  const firstBodyEnd = lines.findIndex((line) => line.includes('data: [DONE]'));
  const dataLines = lines
    .map((line, index) => ({ line, index }))
    .filter(({ line, index }) => index < firstBodyEnd && line.trim().startsWith('data: {'));
  const target = dataLines[BROKEN_EVENT];
  if (!target) throw new Error('the sample changed: not enough events in its first stream');
  lines[target.index] = target.line.slice(0, Math.floor(target.line.length / 2));
  // Without a cap in the request, "length" is the model stopping early (a warning); with the
  // sample's max_tokens it would be the informational "stopped at the cap the request set".
  return lines
    .join('\n')
    .replaceAll('"max_tokens":4000,', '')
    .replace('finish_reason":"tool_calls"', 'finish_reason":"length"');
}

test.describe('stream doctor', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('./');
    await dropFiles(page, [{ name: 'broken-sample.yaml', content: brokenSample() }]);
    await expect(page.getByRole('status')).toContainText('2 interactions');
    // The doctor starts as one badge line (issue 17); its summary opens the list.
    const doctor = page.getByRole('group', { name: 'Stream doctor' });
    await doctor.locator('summary').click();
    await expect(doctor).toHaveAttribute('open', '');
  });

  test('marks the broken row and lists the findings with their event', async ({ page }) => {
    const grid = page.getByRole('grid', { name: 'Interactions' });
    const mark = grid.getByRole('img', { name: /^2 findings: .*invalid JSON in event 8/ });
    await expect(mark).toBeVisible();
    await expect(mark).toHaveClass(/finding-mark--error/);
    // The healthy second call carries no mark.
    await expect(grid.getByRole('img', { name: /findings?:/ })).toHaveCount(1);

    const doctor = page.getByRole('group', { name: 'Stream doctor' });
    await expect(doctor).toContainText('Stream doctor: 2 findings');
    await expect(doctor).toContainText('Call 1 · POST');
    await expect(doctor.getByRole('button', { name: /Invalid JSON.*event 8/ })).toBeVisible();
    await expect(doctor).toContainText('finish reason "length"');

    const summary = page.getByRole('region', { name: 'Cassette summary' });
    // The header counts what the doctor counts: 1 error (the invalid JSON) and 1 warning.
    await expect(summary.getByRole('term').filter({ hasText: /^Errors$/ })).toBeVisible();
    await expect(summary.getByRole('term').filter({ hasText: /^Warnings$/ })).toBeVisible();
    await expect(summary.getByText('Retries')).toBeVisible();
  });

  test('a finding opens its event in the Raw view, highlighted', async ({ page }) => {
    // Start elsewhere, so the jump has to select call 1.
    await page.getByRole('grid', { name: 'Interactions' }).getByRole('row').nth(2).click();
    await page
      .getByRole('group', { name: 'Stream doctor' })
      .getByRole('button', { name: /Invalid JSON.*event 8/ })
      .click();
    await expect(page.getByRole('tab', { name: /^Raw/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('region', { name: 'Raw HTTP of call 1' })).toBeVisible();
    const focused = page.locator('tr.ri-event--focused');
    await expect(focused).toHaveCount(1);
    await expect(focused.locator('td').first()).toHaveText(new RegExp(`^[▸▾] ${BROKEN_EVENT}$`));
    await expect(focused).toContainText('not JSON');
    await expect(focused).toBeInViewport();
    await expect(focused).toBeFocused();
  });

  test('Replay seeks the player to the moment the event arrived', async ({ page }) => {
    await page
      .getByRole('group', { name: 'Stream doctor' })
      .getByRole('button', { name: `Replay call 1 at event ${BROKEN_EVENT}` })
      .click();
    await expect(page.getByRole('tab', { name: /^Replay/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('region', { name: 'Stream replay' })).toBeVisible();
    // The recorded latency is 1,004.5 ms, so event 8 arrives after it: the hash carries that time.
    await expect.poll(() => new URL(page.url()).hash).toMatch(/view=replay/);
    await expect
      .poll(() => Number(/[#&]t=(\d+)/.exec(new URL(page.url()).hash)?.[1] ?? -1))
      .toBeGreaterThan(1000);
  });
});
