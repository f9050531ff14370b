#!/usr/bin/env node
/**
 * Takes the layout screenshots of docs/screenshots/: the page at 390×844, 1024×768, 1440×900 and
 * 1920×1080 with the bundled sample, with the 25-interaction Cody Polly HAR of the corpus, and with
 * Compare open (the sample against a copy whose prompt has one more sentence). Serves `dist/` with
 * `vite preview` and drives the system Chromium, as scripts/screenshot.mjs does. Run
 * `npm run build` first.
 *
 *   node scripts/screenshot-layout.mjs [--out docs/screenshots] [--port 4399] [--dark] [--only sample|har|compare]
 */
import { mkdirSync, readFileSync } from 'node:fs';
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
const outDir = option('--out', 'docs/screenshots');
const port = Number(option('--port', '4399'));
const only = option('--only', '');
const HAR = 'tests/fixtures/corpus/polly/cody/auth_2503977039.recording.har.yaml';
const SIZES = [
  [390, 844],
  [1024, 768],
  [1440, 900],
  [1920, 1080],
];

const executablePath = checkPrerequisites();
mkdirSync(outDir, { recursive: true });

async function openSample(page) {
  await page.getByRole('button', { name: 'Open sample' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /interactions?/ })
    .waitFor();
}

async function dropText(page, name, text) {
  const handle = await page.evaluateHandle(
    ([fileName, content]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], fileName));
      return transfer;
    },
    [name, text],
  );
  for (const type of ['dragenter', 'dragover', 'drop'])
    await page.dispatchEvent('body', type, { dataTransfer: handle });
}

await withPreviewBrowser({ executablePath, port }, async (browser, base) => {
  const scenes = {
    sample: async (page) => {
      await openSample(page);
      await page.getByText('Add and multiply the number 2 and 3').first().waitFor();
    },
    har: async (page) => {
      await dropText(page, 'auth_2503977039.recording.har.yaml', readFileSync(HAR, 'utf8'));
      await page
        .getByRole('status')
        .filter({ hasText: /25 interactions/ })
        .waitFor();
    },
    compare: async (page) => {
      await openSample(page);
      const sample = readFileSync('public/samples/multi_tool_streaming_kimi-k2_together.yaml', 'utf8');
      await page.getByRole('button', { name: 'Compare…' }).click();
      await page.locator('input[data-compare-input]').setInputFiles({
        name: 'after.yaml',
        mimeType: 'text/yaml',
        buffer: Buffer.from(
          sample.replace(
            'Add and multiply the number 2 and 3',
            'Add and multiply the number 2 and 3. Be brief',
          ),
        ),
      });
      await page.getByRole('region', { name: 'Comparison' }).waitFor();
    },
  };
  for (const [name, scene] of Object.entries(scenes)) {
    if (only && only !== name) continue;
    for (const [width, height] of SIZES) {
      const { page, errors } = await pageWithErrors(browser, {
        viewport: { width, height },
        colorScheme: dark ? 'dark' : 'light',
      });
      await page.goto(base);
      await scene(page);
      await sleep(500); // let virtualized rows settle
      const path = `${outDir}/${name}-${width}x${height}${dark ? '-dark' : ''}.png`;
      await page.screenshot({ path });
      console.log(wrote(path, errors));
      await page.close();
    }
  }
});
