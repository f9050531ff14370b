#!/usr/bin/env node
// `cassette-viewer`: starts the bundled CLI in dist-cli/. `npm install` builds it (the `prepare`
// script). If it is missing (a failed or skipped prepare), or older than the sources it is built
// from (a developer edited src/ since), build it here with esbuild first, so that
// `npm install && npx cassette-viewer inspect FILE --json` works on a fresh clone and never runs
// stale code in a working copy.
import { existsSync, readdirSync, statSync } from 'node:fs';
import process from 'node:process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist-cli', 'cassette-viewer.mjs');
/** What the bundle is built from (scripts/build-cli.mjs bundles src/cli/entry.ts and its imports). */
const SOURCE_DIRS = ['src/cli', 'src/core', 'src/lib'].map((dir) => join(root, dir));

/** Newest modification time under `dir`, in ms; 0 when it does not exist. */
function newestMtime(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.isFile()) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  if (!existsSync(bundle)) return true;
  const built = statSync(bundle).mtimeMs;
  return SOURCE_DIRS.some((dir) => newestMtime(dir) > built);
}

try {
  if (needsBuild()) {
    let built = false;
    try {
      const { buildCli } = await import(pathToFileURL(join(root, 'scripts', 'build-cli.mjs')).href);
      built = await buildCli({ quiet: true });
    } catch {
      // esbuild or the build script is not installed (e.g. a production-only install).
    }
    if (!built && !existsSync(bundle)) {
      throw new Error('the CLI is not built and building it failed; run `npm run build:cli` to see why');
    }
  }
  const { main } = await import(pathToFileURL(bundle).href);
  await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(
    `cassette-viewer: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`,
  );
  process.exitCode = 1;
}
