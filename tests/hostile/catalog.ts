/**
 * The hostile fixtures of issue 8 and what must happen to each, shared by the Vitest suites
 * (tests/hostile/*.test.ts) and the Playwright spec (tests/e2e/hostile.spec.ts). The files are
 * described in tests/fixtures/hostile/README.md; the large ones are generated on demand.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const HOSTILE_DIR = join(ROOT, 'tests', 'fixtures', 'hostile');

export interface HostileFixture {
  /** Path relative to tests/fixtures/hostile/. */
  file: string;
  /** Made by scripts/make-hostile-fixtures.mjs into generated/ (git-ignored). */
  generated: boolean;
  /** The core either reads it (with warnings) or rejects it with a CassetteLoadError. */
  outcome: 'report' | 'load-error';
  /** Must appear in a warning (report) or in the error message (load-error). */
  message?: RegExp;
  /** A load error must carry the line and column of the problem. */
  position?: boolean;
  /** Text the conversation shows when it loads (the fixture's marker). */
  marker?: string;
  /** Upper bound for load + analyze + inspect in Node, in ms; asserted by core.perf.test.ts only. */
  boundMs: number;
}

const SMALL = 5_000;

export const HOSTILE_FIXTURES: readonly HostileFixture[] = [
  {
    file: 'script-in-messages.yaml',
    generated: false,
    outcome: 'report',
    marker: 'USER-MARKER',
    boundMs: SMALL,
  },
  {
    file: 'script-in-tool-arguments.yaml',
    generated: false,
    outcome: 'report',
    marker: 'TOOL-RESULT-MARKER',
    boundMs: SMALL,
  },
  {
    file: 'script-in-body.yaml',
    generated: false,
    outcome: 'report',
    marker: 'HTML-BODY-MARKER',
    boundMs: SMALL,
  },
  { file: 'svg-data-url.yaml', generated: false, outcome: 'report', marker: 'SVG-MARKER', boundMs: SMALL },
  {
    file: 'dangerous-links.yaml',
    generated: false,
    outcome: 'report',
    marker: 'LINKS-MARKER',
    boundMs: SMALL,
  },
  {
    file: 'remote-image-and-link.yaml',
    generated: false,
    outcome: 'report',
    marker: 'REMOTE-MARKER',
    boundMs: SMALL,
  },
  {
    file: 'proto-pollution.yaml',
    generated: false,
    outcome: 'report',
    marker: 'PROTO-MARKER',
    boundMs: SMALL,
  },
  {
    file: 'proto-pollution.har',
    generated: false,
    outcome: 'report',
    marker: 'PROTO-HAR-MARKER',
    boundMs: SMALL,
  },
  {
    file: 'unsafe-python-tag.yaml',
    generated: false,
    outcome: 'report',
    message: /unsafe tag, not constructed: !!python\/object\/apply:os\.system/,
    marker: 'UNSAFE-TAG-MARKER',
    boundMs: SMALL,
  },
  {
    file: 'unsafe-ruby-tag.yml',
    generated: false,
    outcome: 'report',
    message: /unsafe tag, not constructed: !ruby\/object:Gem::Installer/,
    marker: 'RUBY-TAG-MARKER',
    boundMs: SMALL,
  },
  {
    file: 'billion-laughs.yaml',
    generated: false,
    outcome: 'report',
    message: /alias expansion stopped/i,
    boundMs: SMALL,
  },
  {
    file: 'random-bytes.bin',
    generated: false,
    outcome: 'load-error',
    // Named as what it is (core/cassette/sniff-file-kind.ts), not as a decoding failure.
    message: /This is binary data, not a cassette/,
    boundMs: SMALL,
  },
  { file: 'empty.yaml', generated: false, outcome: 'load-error', message: /empty/, boundMs: SMALL },
  {
    file: 'only-dashes.yaml',
    generated: false,
    outcome: 'load-error',
    message: /no content/,
    boundMs: SMALL,
  },
  {
    file: 'not-a-cassette.yaml',
    generated: false,
    outcome: 'load-error',
    message: /not a recognized cassette format/,
    boundMs: SMALL,
  },
  {
    file: 'truncated.yaml',
    generated: false,
    outcome: 'load-error',
    message: /line 6, column \d+/,
    position: true,
    boundMs: SMALL,
  },
  {
    file: 'lone-surrogates.json',
    generated: false,
    outcome: 'report',
    marker: 'SURROGATE-MARKER',
    boundMs: SMALL,
  },
  {
    file: 'invalid-utf8.yaml',
    generated: false,
    outcome: 'load-error',
    message: /not UTF-8 text/,
    position: true,
    boundMs: SMALL,
  },
  {
    file: 'bidi-zero-width.yaml',
    generated: false,
    outcome: 'report',
    marker: 'BIDI-MARKER',
    boundMs: SMALL,
  },
  {
    file: 'json-array-stray-brace.yaml',
    generated: false,
    outcome: 'report',
    marker: 'STRAY-BRACE-MARKER',
    boundMs: SMALL,
  },
  {
    file: 'generated/deep-nesting.json',
    generated: true,
    outcome: 'load-error',
    boundMs: 10_000,
  },
  {
    file: 'generated/deep-json-body.yaml',
    generated: true,
    outcome: 'report',
    marker: 'DEEP-MARKER',
    boundMs: 15_000,
  },
  {
    file: 'generated/gzip-bomb.yaml',
    generated: true,
    outcome: 'report',
    message: /gzip inflates past the 64 MiB cap/,
    marker: 'GZIP-BOMB-MARKER',
    boundMs: 20_000,
  },
  {
    file: 'generated/brotli-bomb.yaml',
    generated: true,
    outcome: 'report',
    message: /brotli inflates past the 64 MiB cap/,
    marker: 'BROTLI-BOMB-MARKER',
    boundMs: 20_000,
  },
  {
    file: 'generated/long-line-50mb.yaml',
    generated: true,
    outcome: 'report',
    marker: 'LONG-LINE-MARKER',
    boundMs: 45_000,
  },
  {
    file: 'generated/sse-100k-events.yaml',
    generated: true,
    outcome: 'report',
    marker: 'SSE-MARKER',
    boundMs: 45_000,
  },
  // Issue 14: budgets (core/cassette/limits.ts) and no stack overflow on input-sized data.
  {
    file: 'generated/alias-bytes.yaml',
    generated: true,
    outcome: 'load-error',
    message: /YAML aliases repeat more than 64 MiB of text \(the limit for one file/,
    boundMs: 60_000,
  },
  {
    file: 'generated/inflate-total.yaml.gz',
    generated: true,
    outcome: 'load-error',
    message: /inflate to more than 128 MiB in all \(the limit for one file/,
    boundMs: 60_000,
  },
  {
    file: 'generated/many-interactions.yaml.gz',
    generated: true,
    outcome: 'load-error',
    message: /more than 100,000 interactions, the limit for one file/,
    boundMs: 30_000,
  },
  {
    file: 'generated/sse-300k-bad-events.yaml',
    generated: true,
    outcome: 'report',
    marker: 'BAD-EVENTS-MARKER',
    boundMs: 90_000,
  },
  {
    file: 'generated/deep-tool-arguments.yaml',
    generated: true,
    outcome: 'report',
    marker: 'DEEP-ARGS-MARKER',
    boundMs: 15_000,
  },
  {
    file: 'generated/deep-sse-body.yaml',
    generated: true,
    outcome: 'report',
    marker: 'DEEP-SSE-MARKER',
    boundMs: 15_000,
  },
];

/** A crafted share link (issue 14): a generated file holding the URL fragment, without the `#`. */
export interface HostileLink {
  file: string;
  outcome: 'report' | 'load-error';
  /** Must appear in the load error. */
  message?: RegExp;
  marker?: string;
}

export const HOSTILE_LINKS: readonly HostileLink[] = [
  {
    file: 'generated/alias-bytes.link.txt',
    outcome: 'load-error',
    message: /YAML aliases repeat more than 64 MiB of text \(the limit for one file/,
  },
  {
    file: 'generated/many-interactions.link.txt',
    outcome: 'load-error',
    message: /more than 100,000 interactions, the limit for one file/,
  },
  { file: 'generated/long-name.link.txt', outcome: 'report', marker: 'LONG-NAME-MARKER' },
];

export function hostilePath(fixture: HostileFixture | HostileLink | string): string {
  return join(HOSTILE_DIR, typeof fixture === 'string' ? fixture : fixture.file);
}

/**
 * Makes sure the large fixtures exist (a fresh clone has none): runs the generator, which returns
 * at once when its stamp says the files are current. Safe to call from parallel workers.
 */
export function ensureHostileFixtures(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'make-hostile-fixtures.mjs')], { stdio: 'pipe' });
}

/** The tags of unsafe-ruby-tag.yml, each of which must be reported and none constructed. */
export const RUBY_TAGS = [
  '!ruby/object:Gem::Installer',
  '!ruby/hash-with-ivars',
  '!ruby/object:Net::HTTPResponse',
] as const;

/** Keys a successful prototype-pollution payload would have added. */
export function pollutionFound(): string[] {
  const found: string[] = [];
  const probes: [string, object][] = [
    ['Object.prototype', Object.prototype],
    ['Array.prototype', Array.prototype],
    ['Function.prototype', Function.prototype],
    ['String.prototype', String.prototype],
  ];
  for (const [name, target] of probes) {
    if (Object.prototype.hasOwnProperty.call(target, 'polluted')) found.push(`${name}.polluted`);
  }
  if (({} as Record<string, unknown>).polluted !== undefined) found.push('({}).polluted');
  return found;
}
