/**
 * Issue 8 in the page: each hostile fixture (tests/fixtures/hostile/README.md) is dropped onto a
 * page where the sample is already open. For every one: no dialog opens, the `window.__pwned`
 * flag its payloads would set stays unset, no request leaves the origin, the sample stays
 * selectable (within 2 s in strict mode), no main-thread task runs over 200 ms in strict mode
 * (PerformanceObserver "longtask", https://w3c.github.io/longtasks/; always measured and printed),
 * no live script/iframe/object/handler attribute/dangerous link reaches the DOM, and the expected
 * message or content is visible.
 * The generated files (50 MB, 100,000 events) go through the file input: base64-shipping them
 * into a DataTransfer would itself block the page's main thread, which would measure the test.
 * The 100,000-event body is also replayed: Pause stops the clock within two painted frames and the
 * event list scrolls under the wheel.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
  ensureHostileFixtures,
  hostilePath,
  HOSTILE_FIXTURES,
  HOSTILE_LINKS,
  RUBY_TAGS,
  type HostileFixture,
} from '../hostile/catalog';
import { dropFiles, expect, fixtureFile, openSample, test } from './support/fixtures';

// Issue 8's bounds: the page answers within 2 s and runs no main-thread task over 200 ms. Every
// run measures both and prints them ([measure] lines, test annotations). Only `npm run test:perf`
// asserts them (HOSTILE_STRICT=1, this spec alone with one worker on a quiet machine: measured
// there, the longest task was 121 ms and the slowest answer 455 ms). `npm test` keeps every safety
// check and asks only that the page answer within 10 s, a sixth of the test's timeout: a frozen tab
// fails, a machine busy with other work does not.
const STRICT = process.env.HOSTILE_STRICT === '1';
const LONG_TASK_LIMIT_MS = Number(process.env.HOSTILE_LONG_TASK_MS ?? (STRICT ? 200 : Infinity));
const ANSWER_WITHIN_MS = Number(process.env.HOSTILE_ANSWER_MS ?? (STRICT ? 2_000 : 10_000));

interface Watch {
  dialogs: string[];
  offOrigin: string[];
}

/** Starts watching before the page loads: dialogs, requests, long tasks. */
async function watchPage(page: Page): Promise<Watch> {
  const watch: Watch = { dialogs: [], offOrigin: [] };
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') watch.offOrigin.push(request.url());
  });
  await page.addInitScript(() => {
    const tasks: number[] = [];
    (window as unknown as { __longTasks: number[] }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
  return watch;
}

/** Nothing from the cassette became live markup. */
async function liveMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const appScripts = [...document.scripts].filter((s) => !s.src || !s.src.startsWith(location.origin));
    if (appScripts.length > 0) found.push(`${appScripts.length} inline or foreign <script>`);
    // The app's own form (the Raw view's "Go to event" box of a paged stream) is not from the file.
    const tags = ['iframe', 'object', 'embed', 'frame', 'base', 'form:not(.ri-pager__goto)', 'svg script'];
    for (const tag of [...tags, 'foreignObject']) {
      const count = document.querySelectorAll(tag).length;
      if (count > 0) found.push(`${count} <${tag}>`);
    }
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) found.push(`<${element.localName} ${attribute.name}>`);
      }
    }
    // `href` and `src` read back resolved, so a relative link is already http(s) here.
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
      if (!/^(https?:|mailto:)/i.test(link.href)) found.push(`link to ${link.href.slice(0, 60)}`);
    }
    for (const image of document.querySelectorAll<HTMLImageElement>('img[src]')) {
      const inlineRaster = /^data:image\/(png|jpeg|gif|webp|avif)[;,]/i.test(image.src);
      if (!inlineRaster && !image.src.startsWith(location.origin) && !image.src.startsWith('blob:'))
        found.push(`img ${image.src.slice(0, 60)}`);
    }
    return found;
  });
}

/** The expected content of each fixture, once it is selected. */
async function expectContent(page: Page, fixture: HostileFixture, name: string): Promise<void> {
  if (fixture.outcome === 'load-error') {
    const panel = page.getByRole('alert');
    await expect(panel).toContainText(name);
    if (fixture.message) await expect(panel).toContainText(fixture.message);
    if (fixture.position) await expect(panel).toContainText(/Line \d+/);
    return;
  }
  // A file that must load shows no error panel (if it does, its text is the failure message).
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText(/^\d[\d,]* interactions?/);
  const raw = page.getByRole('tab', { name: /Raw/ });
  switch (fixture.file) {
    case 'script-in-messages.yaml':
      await expect(page.getByText(/<img src=x onerror=.*USER-MARKER/).first()).toBeVisible();
      break;
    case 'script-in-tool-arguments.yaml':
      await expect(page.getByText(/TOOL-RESULT-MARKER/).first()).toBeVisible();
      // The tool definition (collapsed) holds the same text, so look among visible matches.
      await expect(
        page
          .getByText(/<script>window.__pwned=1<\/script>/)
          .filter({ visible: true })
          .first(),
      ).toBeVisible();
      break;
    case 'unsafe-python-tag.yaml':
    case 'unsafe-ruby-tag.yml':
      // The tag is reported (raw view, below) and the rest reads: the user's text and the answer.
      await expect(page.getByText(fixture.marker ?? '').first()).toBeVisible();
      await expect(page.getByText('the rest loaded').first()).toBeVisible();
      break;
    case 'json-array-stray-brace.yaml':
    case 'dangerous-links.yaml':
    case 'svg-data-url.yaml':
    case 'bidi-zero-width.yaml':
    case 'lone-surrogates.json':
    case 'proto-pollution.yaml':
    case 'proto-pollution.har':
    case 'generated/long-line-50mb.yaml':
    case 'generated/sse-100k-events.yaml':
      await expect(page.getByText(fixture.marker ?? '').first()).toBeVisible();
      break;
    case 'remote-image-and-link.yaml':
      await expect(
        page.getByRole('button', { name: /Load image from tracker\.invalid/ }).first(),
      ).toBeVisible();
      break;
    default:
      break;
  }
  // The raw view: HTML bodies as text, warnings, escaped invisible characters, folded depth.
  await raw.click();
  const region = page.getByRole('region', { name: /^Raw HTTP of call/ });
  // Interaction warnings sit in the raw view; file-wide ones (aliases) in the cassette summary.
  if (fixture.message)
    await expect(fixture.file === 'billion-laughs.yaml' ? page.locator('body') : region).toContainText(
      fixture.message,
    );
  if (fixture.file === 'script-in-body.yaml')
    await expect(region).toContainText('<script>window.__pwned=1</script>');
  if (fixture.file === 'bidi-zero-width.yaml') {
    // The controls sit in a message's content, below the JSON tree's first two open levels.
    await region.getByRole('button', { name: 'Expand all' }).first().click();
    await expect(region).toContainText('⟨U+202E⟩');
  }
  if (fixture.file === 'unsafe-ruby-tag.yml') {
    for (const tag of RUBY_TAGS) await expect(region).toContainText(`unsafe tag, not constructed: ${tag}`);
    // The request body is a JSON tree opened two levels deep (issue 18); the marker is a message's
    // content, one level further.
    await region.getByRole('button', { name: 'Expand all' }).first().click();
    await expect(region).toContainText('RUBY-TAG-MARKER');
  }
  if (fixture.file === 'json-array-stray-brace.yaml') {
    // The stray braces are framing issues of the streamed JSON array, listed above its events.
    await expect(region).toContainText('streamed JSON array · 2 events');
    await expect(region.locator('.ri-issues')).toContainText('unexpected "}"');
  }
  if (fixture.file === 'generated/deep-json-body.yaml')
    await expect(region).toContainText(/levels past 40 are folded/);
}

test.describe('hostile input in the page (issue 8)', () => {
  test.beforeAll(() => ensureHostileFixtures());

  for (const fixture of HOSTILE_FIXTURES) {
    test(fixture.file, async ({ page }) => {
      test.setTimeout(fixture.generated ? 180_000 : 60_000);
      const watch = await watchPage(page);
      await page.goto('./');
      await openSample(page);
      const name = fixture.file.replace(/^generated\//, '');
      await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks.length = 0));

      if (fixture.generated)
        await page.locator('input[type=file]').first().setInputFiles(hostilePath(fixture));
      else await dropFiles(page, [fixtureFile(hostilePath(fixture), name)]);

      // While it loads, the page answers: the sample is one click away and shows at once.
      const list = page.getByRole('navigation', { name: 'Open cassettes' });
      const sample = list.getByRole('button', { name: /^multi_tool_streaming_kimi-k2_together/ });
      const clicked = Date.now();
      await sample.click({ timeout: ANSWER_WITHIN_MS });
      await expect(sample).toHaveAttribute('aria-current', 'true', { timeout: ANSWER_WITHIN_MS });
      const answerMs = Date.now() - clicked;

      // Then the hostile file settles (loaded or failed) and is shown.
      const entry = list.getByRole('listitem').filter({ hasText: name });
      // "Reading interactions…" is still loading: wait for a count ("1 interaction") or the failure.
      await expect(entry).toContainText(/could not load|\d[\d,]* interactions?/, {
        timeout: fixture.generated ? 90_000 : 15_000,
      });
      // Long tasks while the file loads (drop → settled); the views opened below are not counted.
      const longTasks = await page.evaluate(() => [
        ...(window as unknown as { __longTasks: number[] }).__longTasks,
      ]);
      await entry
        .getByRole('button', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
        .click();
      await expectContent(page, fixture, name);

      const measure = `${fixture.file}: sample answered in ${answerMs} ms; longest task ${Math.max(0, ...longTasks)} ms`;
      console.log(`[measure] ${measure}`);
      test.info().annotations.push({ type: 'measure', description: measure });
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(watch.dialogs).toEqual([]);
      expect(watch.offOrigin).toEqual([]);
      expect(await liveMarkup(page)).toEqual([]);
      expect(longTasks.filter((ms) => ms > LONG_TASK_LIMIT_MS)).toEqual([]);
      // Files loaded earlier stay open.
      await sample.click();
      await expect(page.getByRole('status')).toHaveText('2 interactions');
    });
  }
});

// Issue 14: crafted share links. Before the limits, the alias link crashed the tab after a minute,
// the 4,000,000-interaction link froze it for 40 s and crashed it, and the 40,000,000-character
// file name froze it for a minute. Now each shows the limit's message, or the cassette under a name
// cut to 200 characters, and the page keeps answering.
test.describe('hostile share links (issue 14)', () => {
  test.beforeAll(() => ensureHostileFixtures());

  for (const link of HOSTILE_LINKS) {
    test(link.file, async ({ page }) => {
      test.setTimeout(180_000);
      const watch = await watchPage(page);
      const fragment = readFileSync(hostilePath(link), 'utf8').trim();
      await page.goto(`./#${fragment}`);
      const list = page.getByRole('navigation', { name: 'Open cassettes' });
      await expect(list.getByRole('listitem')).toContainText(/could not load|\d[\d,]* interactions?/, {
        timeout: 120_000,
      });
      const longTasks = await page.evaluate(() => [
        ...(window as unknown as { __longTasks: number[] }).__longTasks,
      ]);
      if (link.outcome === 'load-error') {
        await expect(page.getByRole('alert')).toContainText(link.message ?? /./);
      } else {
        await expect(page.getByRole('status')).toHaveText(/^1 interaction/);
        await expect(page.getByText(link.marker ?? '').first()).toBeVisible();
        // The name the link carried is cut: 199 characters and an ellipsis.
        const name = await list.getByRole('button').first().getAttribute('title');
        expect(name).toBe(`${'N'.repeat(199)}…`);
      }
      // The tab is alive and answers.
      expect(await page.evaluate(() => 6 * 7)).toBe(42);
      const measure = `${link.file}: longest task ${Math.max(0, ...longTasks)} ms`;
      console.log(`[measure] ${measure}`);
      test.info().annotations.push({ type: 'measure', description: measure });
      expect(watch.dialogs).toEqual([]);
      expect(watch.offOrigin).toEqual([]);
      expect(longTasks.filter((ms) => ms > LONG_TASK_LIMIT_MS)).toEqual([]);
    });
  }
});

/** Opens the generated 100,000-event SSE body and selects its one interaction. */
async function openHundredThousandEvents(page: Page): Promise<void> {
  ensureHostileFixtures();
  await page.goto('./');
  await page.locator('input[type=file]').first().setInputFiles(hostilePath('generated/sse-100k-events.yaml'));
  await expect(page.getByRole('status')).toHaveText(/^1 interaction(, |$)/, { timeout: 90_000 });
  await page.locator('.exchange-table__body [role=row]').first().click();
}

// Issue 8: "Pause and scrolling keep working" on the 100,000-event body, in the Replay view.
// Behaviour, not timings: the clock must stop within two frames of the click (counted in frames the
// page itself paints), and a wheel over the event list must move it, however loaded the machine.
async function replayPausesAndScrolls(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /Replay/ }).click();
  await expect(page.getByRole('region', { name: 'Stream replay' })).toBeVisible({ timeout: 60_000 });
  const list = page.getByRole('table', { name: 'Stream events' });
  await expect(list).toHaveAttribute('aria-rowcount', '100000');

  // Record, in the page, every painted frame's time and timecode, and when the click lands.
  await page.evaluate(() => {
    const record = {
      frames: [] as { at: number; timecode: string }[],
      clickAt: null as number | null,
    };
    (window as unknown as { __replayRecord: typeof record }).__replayRecord = record;
    const timecode = document.querySelector('[data-testid="replay-timecode"]');
    document.addEventListener('click', () => (record.clickAt ??= performance.now()), { capture: true });
    const frame = () => {
      record.frames.push({ at: performance.now(), timecode: timecode?.textContent ?? '' });
      if (record.frames.length < 100_000) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  // Play from inside the page so the click listener above only sees the Pause click.
  await page.evaluate(() => {
    const record = (window as unknown as { __replayRecord: { clickAt: number | null } }).__replayRecord;
    [...document.querySelectorAll('button')].find((b) => b.textContent === 'Play')?.click();
    record.clickAt = null;
  });
  const timecode = page.getByTestId('replay-timecode');
  // Playing: the timecode moves past the start and keeps moving.
  await expect(timecode).not.toHaveText('0:00.000', { timeout: 30_000 });
  const running = await timecode.textContent();
  await expect(timecode).not.toHaveText(running ?? '', { timeout: 30_000 });

  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  // Wait for frames, not for time: a busy machine paints fewer of them per second.
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const record = (
            window as unknown as { __replayRecord: { frames: { at: number }[]; clickAt: number | null } }
          ).__replayRecord;
          return record.frames.filter((frame) => frame.at >= (record.clickAt ?? Infinity)).length;
        }),
      { timeout: 30_000 },
    )
    .toBeGreaterThan(5);
  const { frames, clickAt } = await page.evaluate(() => {
    const record = (
      window as unknown as {
        __replayRecord: { frames: { at: number; timecode: string }[]; clickAt: number | null };
      }
    ).__replayRecord;
    return { frames: [...record.frames], clickAt: record.clickAt };
  });
  expect(clickAt, 'the Pause click reached the page').not.toBeNull();
  const before = frames.filter((frame) => frame.at < clickAt!);
  const after = frames.filter((frame) => frame.at >= clickAt!);
  // The clock was running while frames were painted before the click.
  expect(new Set(before.map((frame) => frame.timecode)).size).toBeGreaterThan(1);
  // From the second frame after the click on, the timecode no longer changes.
  expect(after.length).toBeGreaterThan(3);
  const stoppedAt = after.at(-1)!.timecode;
  expect(after.slice(1).map((frame) => frame.timecode)).toEqual(after.slice(1).map(() => stoppedAt));
  await expect(timecode).toHaveText(stoppedAt);
  console.log(
    `[measure] sse-100k Replay: paused at ${stoppedAt}; ${before.length} frames painted while playing, ${after.length} after the click`,
  );

  // The event list scrolls under the wheel: its scrollTop moves and later rows are rendered.
  const scrollTop = () => list.evaluate((element) => element.scrollTop);
  const startTop = await scrollTop();
  await list.hover();
  await page.mouse.wheel(0, 6_000);
  await expect.poll(scrollTop, { timeout: 10_000 }).toBeGreaterThan(startTop + 1_000);
  const endTop = await scrollTop();
  const firstShownRow = Math.floor(endTop / 28) + 1;
  await expect(list.locator(`[role=row][aria-rowindex="${firstShownRow + 1}"]`)).toBeVisible();
  // Paused, the list stays where the user scrolled it.
  await page.waitForTimeout(300);
  expect(await scrollTop()).toBe(endTop);
}

// Issue 8, the Raw view of the same body: 100,000 events in pages of 100, every one reachable.
async function rawPagesEveryEvent(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /Raw/ }).click();
  const region = page.getByRole('region', { name: /^Raw HTTP of call/ });
  const pager = region.getByRole('navigation', { name: 'Event pages' }).first();
  await expect(pager).toContainText('Events 0–99 · page 1 of 1,000', { timeout: 60_000 });
  const events = region.locator('table.ri-events > tbody > tr.ri-event');
  await expect(events).toHaveCount(100);

  await pager.getByRole('button', { name: /Next/ }).click();
  await expect(pager).toContainText('Events 100–199 · page 2 of 1,000');
  await pager.getByRole('button', { name: /Last/ }).click();
  await expect(pager).toContainText('Events 99,900–99,999 · page 1,000 of 1,000');
  await expect(pager.getByRole('button', { name: /Next/ })).toBeDisabled();
  await expect(events).toHaveCount(100);

  await pager.getByLabel('Go to event').fill('50123');
  await pager.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(pager).toContainText('Events 50,100–50,199 · page 502 of 1,000');
  await expect(region.locator('table.ri-events')).toHaveAttribute('data-start', '50100');

  await pager.getByRole('button', { name: /First/ }).click();
  await expect(pager).toContainText('Events 0–99 · page 1 of 1,000');
  await expect(pager.getByRole('button', { name: /Previous/ })).toBeDisabled();
}

// Both views of the 100,000-event body in one test: the 15 MB file is read once, not once per view.
test('100,000 SSE events: Raw pages through every event; Replay pauses within two frames and its list scrolls', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openHundredThousandEvents(page);
  await rawPagesEveryEvent(page);
  await replayPausesAndScrolls(page);
});
