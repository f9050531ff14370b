/**
 * A crafted share link as the page opens it (issue 14), shared by links.test.ts (`npm test`) and
 * links.perf.test.ts (`npm run test:perf`).
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { MAX_SHARED_NAME_CHARS, type SharedCassette } from '../../src/core/share/share-codec';
import { hostilePath, type HostileLink } from './catalog';
import { runCore } from './run-core';

/** The `c` parameter of a link fixture's fragment. */
export function linkPayload(link: HostileLink | string): string {
  const fragment = readFileSync(hostilePath(link), 'utf8').trim();
  return new URLSearchParams(fragment).get('c') ?? '';
}

/** What the page does with a link's payload: decode, then load the text like a file. */
export function expectLinkOutcome(link: HostileLink, shared: SharedCassette): void {
  expect(shared.fileName.length).toBeLessThanOrEqual(MAX_SHARED_NAME_CHARS);
  const outcome = runCore(new TextEncoder().encode(shared.text), shared.fileName);
  expect(outcome.kind).toBe(link.outcome);
  if (outcome.kind === 'load-error') expect(outcome.error.message).toMatch(link.message ?? /./);
  else expect(JSON.stringify(outcome.analyzed.exchanges.map((e) => e.llm))).toContain(link.marker ?? '');
}
