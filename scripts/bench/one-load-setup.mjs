// What the one-load diagnostics (profile-page.mjs, trace-load.mjs) share: their options, the app
// build they serve and the generated cassette they load.
//
//   --count=N        interactions of the generated cassette (default 4000)
//   --query=?…       the page's query (default ?parse-workers=0: the load worker alone)
//   --build          build the app again even if `appDir` exists
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCassette } from './generate.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const out = join(root, 'bench-output');

/**
 * Reads the options, builds the app into bench-output/`dirName` when asked or missing (with
 * `viteArgs` added, e.g. `--minify false` for readable function names), and makes the cassette.
 */
export function oneLoadSetup(dirName, viteArgs = []) {
  const args = process.argv.slice(2);
  const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const count = Number(option('count') ?? 4000);
  const query = option('query') ?? '?parse-workers=0';
  const appDir = join(out, dirName);
  if (args.includes('--build') || !existsSync(appDir))
    execFileSync(
      'npx',
      ['vite', 'build', '--outDir', appDir, '--emptyOutDir', ...viteArgs, '--logLevel', 'warn'],
      { cwd: root, stdio: 'inherit' },
    );
  const file = ensureCassette(join(out, 'files'), count);
  return { args, count, query, appDir, file, name: file.path.split('/').pop() };
}
