/**
 * Issue 14's crafted share links through the share codec and the core, as the page opens them
 * (features/share/use-link-loader.ts: the `c` payload is inflated, then loaded like a file): each
 * ends in the limit's message or a report, and no file name longer than the bound comes out.
 * The literal alias-bytes link (20,000 aliases) is read by links.perf.test.ts (`npm run test:perf`)
 * and by the page in the e2e hostile spec; here a link to its twin crosses the same limit (twins.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  decodeSharePayload,
  encodeSharePayload,
  MAX_SHARED_NAME_CHARS,
} from '../../src/core/share/share-codec';
import { ensureHostileFixtures, HOSTILE_LINKS } from './catalog';
import { expectLinkOutcome, linkPayload } from './link-checks';
import { aliasBytesTwin } from './twins';

const ALIAS_LINK = 'generated/alias-bytes.link.txt';

describe('hostile share links (issue 14)', () => {
  beforeAll(() => ensureHostileFixtures(), 300_000);

  it.each(HOSTILE_LINKS.filter((link) => link.file !== ALIAS_LINK).map((link) => [link.file, link] as const))(
    '%s',
    (_name, link) => {
      const shared = decodeSharePayload(linkPayload(link));
      expectLinkOutcome(link, shared);
      if (link.file === 'generated/long-name.link.txt')
        // A 40,000,000-character name, cut to the bound, the cut marked.
        expect(shared.fileName).toBe(`${'N'.repeat(MAX_SHARED_NAME_CHARS - 1)}…`);
    },
  );

  it(`${ALIAS_LINK} (a link to the twin that crosses the same limit: twins.ts)`, () => {
    const link = HOSTILE_LINKS.find((entry) => entry.file === ALIAS_LINK)!;
    const payload = encodeSharePayload({ fileName: 'alias-bytes.yaml', text: aliasBytesTwin() });
    expectLinkOutcome(link, decodeSharePayload(payload));
  });
});
