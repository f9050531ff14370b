/**
 * The literal alias-bytes share link of issue 14 (a 3 KB link whose cassette aliases one 1 MiB
 * string 20,000 times) through the codec and the core, within the catalog's bound for the same
 * file (`npm run test:perf`). links.test.ts (`npm test`) reads the other links and a link to the
 * twin of this one (twins.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeSharePayload } from '../../src/core/share/share-codec';
import { ensureHostileFixtures, HOSTILE_LINKS } from './catalog';
import { expectLinkOutcome, linkPayload } from './link-checks';
import { catalogEntry } from './twins';

describe('the literal alias-bytes share link, timed (issue 14)', () => {
  beforeAll(() => ensureHostileFixtures(), 300_000);

  it('ends in the limit within the bound of alias-bytes.yaml', () => {
    const link = HOSTILE_LINKS.find((entry) => entry.file === 'generated/alias-bytes.link.txt')!;
    const started = performance.now();
    expectLinkOutcome(link, decodeSharePayload(linkPayload(link)));
    expect(performance.now() - started).toBeLessThan(catalogEntry('generated/alias-bytes.yaml').boundMs);
  }, 120_000);
});
