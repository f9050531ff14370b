#!/usr/bin/env node
/**
 * Takes the README screenshot: serves `dist/` with `vite preview`, opens the bundled sample in a
 * system Chromium (same lookup as the e2e tests: $CHROMIUM_PATH, /usr/bin/chromium, Chrome) and
 * writes docs/screenshot.png. Run `npm run build` first.
 *
 *   node scripts/screenshot.mjs [--dark] [--out docs/screenshot.png] [--port 4399]
 */
import { setTimeout as sleep } from 'node:timers/promises';
import {
  checkPrerequisites,
  commandLine,
  pageWithErrors,
  withPreviewBrowser,
  wrote,
} from './screenshot-support.mjs';

const { option, flag } = commandLine();
const dark = flag('--dark');
const out = option('--out', dark ? 'docs/screenshot-dark.png' : 'docs/screenshot.png');
const port = Number(option('--port', '4399'));
const executablePath = checkPrerequisites();

await withPreviewBrowser({ executablePath, port }, async (browser, base) => {
  const { page, errors } = await pageWithErrors(browser, {
    viewport: { width: 1440, height: 960 },
    deviceScaleFactor: 1,
    colorScheme: dark ? 'dark' : 'light',
  });
  await page.goto(base);
  if (flag('--empty')) {
    await page.getByRole('button', { name: 'Open sample' }).waitFor();
  } else {
    await page.getByRole('button', { name: 'Open sample' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /interactions?/ })
      .waitFor();
    await page.getByText('Add and multiply the number 2 and 3').first().waitFor();
    await sleep(400); // let fonts and virtualized rows settle
  }
  await page.screenshot({ path: out });
  console.log(wrote(out, errors));
});
