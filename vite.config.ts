/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const UNIT_TESTS = ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/**/*.test.ts'];
/** Unit files whose properties run a tenth of their cases in "unit" and all of them in "fuzz". */
const HEAVY_PROPERTY_TESTS = [
  'src/core/cassette/fast-yaml-*.test.ts',
  'src/core/cassette/index.test.ts',
  'src/core/providers/**/*.property.test.ts',
  'src/core/providers/shared/json-http-fast-paths.test.ts',
  'src/lib/compression.test.ts',
];

/** package.json's version, as scripts/build-cli.mjs reads it for the CLI bundle. */
const APP_VERSION = (
  JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }
).version;

// `base: './'` makes every asset URL relative, so `dist/` works from any path on any static host
// (https://vite.dev/guide/build#relative-base).
export default defineConfig({
  base: './',
  plugins: [react()],
  // Replaced in the page, its workers and the unit tests (declared in src/globals.d.ts), so a HAR
  // exported from the page carries the same creator version as the CLI's
  // (https://vite.dev/config/shared-options#define: values must be JSON strings).
  define: { __CASSETTE_VIEWER_VERSION__: JSON.stringify(APP_VERSION) },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
  preview: { port: 4173, strictPort: false },
  server: { port: 5173 },
  // Three suites (https://vitest.dev/guide/projects): `npm run test:unit` runs "unit" (no
  // wall-clock bound, property tests at a tenth of their full count: tests/support/property-runs.ts);
  // `npm run test:fuzz` runs "fuzz" (tests/fuzz with issue 8's 10,000 cases, and the unit files
  // whose properties are heavy, at their full count); `npm run test:perf` runs "perf" (the time
  // bounds, *.perf.test.ts, meant for a quiet machine).
  test: {
    testTimeout: 30_000,
    // Vitest's default in run mode is one worker fewer than the cores (resolveMaxWorkers in
    // vitest/dist), which is ONE worker on the 2-core machines CI and we use: the suite then ran
    // file after file. Two workers there halve the wall time (issue 15: unit suite ≤ 120 s).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: UNIT_TESTS,
          // One module graph per worker instead of one per test file
          // (https://vitest.dev/config/#isolate): the suite spent more CPU importing and transforming
          // (the core, the gitleaks rules, the corpus) than testing. No unit test mocks modules or
          // stubs globals, so sharing the graph changes nothing they see: 5 min 21 s of CPU → 2 min 17 s.
          isolate: false,
          exclude: ['tests/e2e/**', 'node_modules/**', '**/*.fuzz.test.ts', '**/*.perf.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'fuzz',
          include: ['tests/fuzz/**/*.fuzz.test.ts', ...HEAVY_PROPERTY_TESTS],
          exclude: ['node_modules/**', '**/*.perf.test.ts'],
          env: { CASSETTE_FUZZ: '1' },
          testTimeout: 600_000,
        },
      },
      {
        extends: true,
        test: { name: 'perf', include: ['src/**/*.perf.test.ts', 'tests/**/*.perf.test.ts'] },
      },
    ],
  },
});
