/**
 * Where the end-to-end tests find a browser: $CHROMIUM_PATH, then Debian's /usr/bin/chromium, then
 * a system Chrome. We never download one (`npx playwright install` needs the internet).
 */
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export const INSTALL_HINT =
  'No Chromium or Chrome found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
  'or set CHROMIUM_PATH to a Chromium-based browser executable.';

/** The browser executable, or throws an error that says how to install one. */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (exists(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH points to ${fromEnv}, which does not exist. ${INSTALL_HINT}`);
  }
  const found = CANDIDATES.find((candidate) => exists(candidate));
  if (!found) throw new Error(INSTALL_HINT);
  return found;
}

/** Flags for running as root in a container, headless, without background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
