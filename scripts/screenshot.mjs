#!/usr/bin/env node
/**
 * Takes the README screenshot: serves `dist/` with `vite preview`, opens the bundled sample in a
 * system Chromium (same lookup as the e2e tests: $CHROMIUM_PATH, /usr/bin/chromium, Chrome) and
 * writes docs/screenshot.png. Run `npm run build` first.
 *
 *   node scripts/screenshot.mjs [--dark] [--out docs/screenshot.png] [--port 4399]
 */
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const dark = args.includes('--dark');
const out = option('--out', dark ? 'docs/screenshot-dark.png' : 'docs/screenshot.png');
const port = Number(option('--port', '4399'));

const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
].filter(Boolean);
const executablePath = candidates.find((path) => existsSync(path));
if (!executablePath) {
  console.error('No Chromium found. Install one (`sudo apt-get install -y chromium`) or set CHROMIUM_PATH.');
  process.exit(1);
}
if (!existsSync('dist/index.html')) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

const server = spawn(
  'npx',
  ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
  {
    stdio: 'ignore',
  },
);
const base = `http://127.0.0.1:${port}/`;

async function waitForServer() {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`vite preview did not start on ${base}`);
}

let browser;
try {
  await waitForServer();
  browser = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage({
    viewport: { width: 1440, height: 960 },
    deviceScaleFactor: 1,
    colorScheme: dark ? 'dark' : 'light',
  });
  const errors = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(base);
  if (args.includes('--empty')) {
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
  console.log(`wrote ${out}${errors.length ? `; console errors: ${errors.join(' | ')}` : ''}`);
} finally {
  await browser?.close();
  server.kill();
}
