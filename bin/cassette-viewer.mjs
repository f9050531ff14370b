#!/usr/bin/env node
// `cassette-viewer`: starts the bundled CLI in dist-cli/. `npm install` builds it (the `prepare`
// script); if it is missing anyway (a failed or skipped prepare), build it once here with esbuild,
// so `npm install && npx cassette-viewer inspect FILE --json` works on a fresh clone.
import { existsSync } from 'node:fs';
import process from 'node:process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist-cli', 'cassette-viewer.mjs');

function fail(message) {
  process.stderr.write(`cassette-viewer: ${message}\n`);
  process.exitCode = 1;
}

try {
  if (!existsSync(bundle)) {
    const { buildCli } = await import(pathToFileURL(join(root, 'scripts', 'build-cli.mjs')).href);
    if (!(await buildCli({ quiet: true }))) {
      throw new Error('the CLI is not built and building it failed; run `npm run build:cli` to see why');
    }
  }
  const { main } = await import(pathToFileURL(bundle).href);
  await main(process.argv.slice(2));
} catch (error) {
  fail(error instanceof Error ? error.message.split('\n')[0] : String(error));
}
