/**
 * How the unit suite (`npm test`) keeps the hostile fixtures' promises on a busy 2-core machine
 * (issue 15: no test needs more than a third of its timeout beside two CPU-bound processes).
 *
 * - HEAVY_ONCE: generated fixtures whose load takes seconds. The unit suite reads each one once,
 *   under its own name; the same bytes read as "unknown" (detection by content, issue 3) are
 *   checked by core.perf.test.ts, which reads every fixture both ways.
 * - TWINNED: the literal input of issue 14 spends most of its time before it reaches the limit
 *   (20,000 aliases parsed by `yaml` before the 65th expansion crosses 64 MiB). The unit suite
 *   reads a twin that crosses the same limit with the same message in a fraction of the time;
 *   the literal file goes through the core and the CLI in `npm run test:perf`, and through the
 *   page in the e2e hostile spec, which `npm test` runs.
 */
import { MAX_ALIAS_BYTES } from '../../src/core/cassette/limits';
import { HOSTILE_FIXTURES, type HostileFixture } from './catalog';

export const HEAVY_ONCE: ReadonlySet<string> = new Set([
  'generated/gzip-bomb.yaml',
  'generated/brotli-bomb.yaml',
  'generated/long-line-50mb.yaml',
  'generated/sse-100k-events.yaml',
  'generated/sse-300k-bad-events.yaml',
  'generated/inflate-total.yaml.gz',
]);

export const TWINNED: ReadonlySet<string> = new Set(['generated/alias-bytes.yaml']);

const MiB = 1024 * 1024;

/** One go-vcr v2 interaction in block style, as scripts/hostile-limit-fixtures.mjs writes it. */
function aliasItem(body: string): string[] {
  return [
    '  - request:',
    `      body: ${body}`,
    '      url: https://api.openai.com/v1/chat/completions',
    '      method: POST',
    '    response:',
    '      body: ok',
    '      code: 200',
  ];
}

/**
 * alias-bytes.yaml with 80 aliases instead of 20,000: the same 1 MiB anchor, repeated 80 MiB in
 * all, past the 64 MiB limit (the 65th alias crosses it, as in the literal file).
 */
export function aliasBytesTwin(): string {
  const copies = 80;
  if (copies * MiB <= MAX_ALIAS_BYTES) throw new Error('the twin must cross MAX_ALIAS_BYTES');
  const lines = ['version: 2', 'interactions:', ...aliasItem(`&big "ALIAS-MARKER ${'x'.repeat(MiB)}"`)];
  for (let i = 1; i < copies; i++) lines.push(...aliasItem('*big'));
  return `${lines.join('\n')}\n`;
}

/** The catalog entry of a fixture (its outcome and message), by file name. */
export function catalogEntry(file: string): HostileFixture {
  const fixture = HOSTILE_FIXTURES.find((entry) => entry.file === file);
  if (!fixture) throw new Error(`no hostile fixture ${file}`);
  return fixture;
}

/** The twins, as fixtures: what must happen is the literal file's catalog entry. */
export const TWINS: readonly { fixture: HostileFixture; text: () => string }[] = [
  { fixture: catalogEntry('generated/alias-bytes.yaml'), text: aliasBytesTwin },
];
