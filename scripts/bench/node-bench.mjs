// Node half of `npm run bench`: js-yaml, yaml and the app's core load (parse, decode, adapters,
// thread, doctor) on the same file, each in its own process (scripts/bench/node-measure.mjs).
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

/** Bundles the core like scripts/build-cli.mjs does (esbuild, one ES module). */
export async function bundleCore(outDir) {
  const { build } = await import('esbuild');
  const outfile = join(outDir, 'core-bundle.mjs');
  await build({
    absWorkingDir: root,
    entryPoints: [join(here, 'core-entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    banner: {
      js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return outfile;
}

function measure(bundle, mode, file) {
  const out = execFileSync(process.execPath, [join(here, 'node-measure.mjs'), bundle, mode, file], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1));
}

/** Best of `runs` for each mode (the machine is shared; the minimum is the least disturbed). */
export function nodeBench(bundle, file, runs) {
  const result = {};
  for (const mode of ['js-yaml', 'yaml', 'app']) {
    let best = null;
    for (let i = 0; i < runs; i++) {
      const one = measure(bundle, mode, file);
      if (!best || one.ms < best.ms)
        best = { ...one, peakRssMB: Math.max(one.peakRssMB, best?.peakRssMB ?? 0) };
    }
    result[mode] = best;
  }
  return result;
}
