/**
 * What the screenshot scripts (scripts/screenshot.mjs, scripts/screenshot-layout.mjs) share: their
 * command-line options, finding a system Chromium (the e2e tests' order: $CHROMIUM_PATH,
 * /usr/bin/chromium, Chrome), serving `dist/` with `vite preview`, and a page that collects its
 * console errors for the script's report.
 */
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from '@playwright/test';

/** `option('--out', fallback)` reads `--out VALUE`; `flag('--dark')` is whether it was given. */
export function commandLine(args = process.argv.slice(2)) {
  return {
    option(name, fallback) {
      const at = args.indexOf(name);
      return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
    },
    flag: (name) => args.includes(name),
  };
}

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Flags for running as root in a container, headless, without background traffic. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Exits with a hint when there is no Chromium or no build; returns the Chromium's path. */
export function checkPrerequisites() {
  const executablePath = [process.env.CHROMIUM_PATH, ...CHROMIUM_CANDIDATES]
    .filter(Boolean)
    .find((path) => existsSync(path));
  if (!executablePath) {
    console.error(
      'No Chromium found. Install one (`sudo apt-get install -y chromium`) or set CHROMIUM_PATH.',
    );
    process.exit(1);
  }
  if (!existsSync('dist/index.html')) {
    console.error('dist/ is missing: run `npm run build` first.');
    process.exit(1);
  }
  return executablePath;
}

async function waitForServer(base) {
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

/**
 * Serves `dist/` on 127.0.0.1:`port`, launches Chromium, and runs `work(browser, base)`; the
 * browser and the server stop afterwards, whatever happened.
 */
export async function withPreviewBrowser({ executablePath, port }, work) {
  const server = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    {
      stdio: 'ignore',
    },
  );
  const base = `http://127.0.0.1:${port}/`;
  let browser;
  try {
    await waitForServer(base);
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    await work(browser, base);
  } finally {
    await browser?.close();
    server.kill();
  }
}

/** A new page whose console errors and page errors are collected in `errors`. */
export async function pageWithErrors(browser, options) {
  const page = await browser.newPage(options);
  const errors = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

/** "wrote PATH", and the console errors the page had, if any. */
export function wrote(path, errors) {
  return `wrote ${path}${errors.length ? `; console errors: ${errors.join(' | ')}` : ''}`;
}
