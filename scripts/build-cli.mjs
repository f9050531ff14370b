// Bundles the Node CLI (src/cli/entry.ts and the core it uses) into one ES module,
// dist-cli/cassette-viewer.mjs, with esbuild (https://esbuild.github.io/api/#build). One file with
// its dependencies inlined starts fast and runs on Node 20 without TypeScript tooling.
//
//   node scripts/build-cli.mjs               build; exit 1 on failure
//   node scripts/build-cli.mjs --if-possible build if it can, else warn and exit 0 (used by
//                                            `prepare`, so `npm ci` never fails because of it;
//                                            the bin then retries on first run)
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE = join(root, 'dist-cli', 'cassette-viewer.mjs');

/** Build the bundle; resolves to true on success, prints esbuild's messages either way. */
export async function buildCli({ quiet = false } = {}) {
  const { build } = await import('esbuild');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  // `diff` (issue 7) is written by another engineer. While src/cli/diff-command.ts is missing,
  // leave the import external: the dispatcher then reports "diff is not available yet" at run time.
  const diffMissing = !existsSync(join(root, 'src', 'cli', 'diff-command.ts'));
  try {
    const result = await build({
      absWorkingDir: root,
      entryPoints: [join(root, 'src', 'cli', 'entry.ts')],
      outfile: CLI_BUNDLE,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      external: diffMissing ? ['./diff-command'] : [],
      define: { __CASSETTE_VIEWER_VERSION__: JSON.stringify(pkg.version) },
      // Some bundled dependencies are CommonJS and `require` Node built-ins; ESM has no `require`.
      banner: {
        js: "import { createRequire as __cvCreateRequire } from 'node:module'; const require = __cvCreateRequire(import.meta.url);",
      },
      logLevel: quiet ? 'silent' : 'warning',
      legalComments: 'linked',
      // Written here, not by esbuild: test files build the bundle in parallel workers while others
      // run it, and a half-written bundle read as "main is not a function" (a unit run on a busy
      // machine). Write-then-rename is atomic within one directory (rename(2)).
      write: false,
    });
    for (const file of result.outputFiles) {
      mkdirSync(dirname(file.path), { recursive: true });
      const temporary = `${file.path}.${process.pid}.tmp`;
      writeFileSync(temporary, file.contents);
      renameSync(temporary, file.path);
    }
    return true;
  } catch (error) {
    if (!quiet)
      process.stderr.write(`build-cli: ${error instanceof Error ? error.message.split('\n')[0] : error}\n`);
    return false;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ifPossible = process.argv.includes('--if-possible');
  let ok = false;
  try {
    ok = await buildCli();
  } catch (error) {
    // esbuild itself missing (production-only install): nothing to build with.
    process.stderr.write(`build-cli: ${error instanceof Error ? error.message : error}\n`);
  }
  if (ok) process.stdout.write(`build-cli: wrote ${CLI_BUNDLE}\n`);
  else if (ifPossible)
    process.stderr.write('build-cli: skipped; bin/cassette-viewer.mjs will build on first run\n');
  process.exitCode = ok || ifPossible ? 0 : 1;
}
