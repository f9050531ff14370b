/**
 * Issue 14's crafted share links through the share codec and the core, as the page opens them
 * (features/share/use-link-loader.ts: the `c` payload is inflated, then loaded like a file): each
 * ends in the limit's message or a report, and no file name longer than the bound comes out.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeSharePayload, MAX_SHARED_NAME_CHARS } from '../../src/core/share/share-codec';
import { ensureHostileFixtures, hostilePath, HOSTILE_LINKS, type HostileLink } from './catalog';
import { runCore } from './run-core';

describe('hostile share links (issue 14)', () => {
  beforeAll(() => ensureHostileFixtures(), 300_000);

  it.each(HOSTILE_LINKS.map((link) => [link.file, link] as [string, HostileLink]))(
    '%s',
    (_name, link) => {
      const fragment = readFileSync(hostilePath(link), 'utf8').trim();
      const payload = new URLSearchParams(fragment).get('c') ?? '';
      const shared = decodeSharePayload(payload);
      expect(shared.fileName.length).toBeLessThanOrEqual(MAX_SHARED_NAME_CHARS);
      const outcome = runCore(new TextEncoder().encode(shared.text), shared.fileName);
      expect(outcome.kind).toBe(link.outcome);
      if (outcome.kind === 'load-error') expect(outcome.error.message).toMatch(link.message ?? /./);
      else expect(JSON.stringify(outcome.analyzed.exchanges.map((e) => e.llm))).toContain(link.marker ?? '');
    },
    120_000,
  );

  it('cuts a 40,000,000-character name from a link to the bound, marking the cut', () => {
    const fragment = readFileSync(hostilePath('generated/long-name.link.txt'), 'utf8').trim();
    const { fileName } = decodeSharePayload(new URLSearchParams(fragment).get('c') ?? '');
    expect(fileName).toBe(`${'N'.repeat(MAX_SHARED_NAME_CHARS - 1)}…`);
  }, 60_000);
});
