/**
 * Issue 14 acceptance: a share link made from any secret-bearing cassette in
 * tests/fixtures/secrets (go-vcr, vcrpy, Ruby VCR and HAR form of the same two interactions, every
 * leak the issue found planted; scripts/make-secret-fixtures.mjs) holds none of the planted
 * secrets, in any encoding. The link is built as the Share dialog builds it (prepareShare, then
 * buildShareLink), then decoded back and searched, and the masked cassette still loads.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCassetteText } from '../../src/core/cassette';
import { readExchange } from '../../src/core/providers';
import { prepareShare } from '../../src/core/share/prepare-share';
import { decodeSharePayload } from '../../src/core/share/share-codec';
import { buildShareLink } from '../../src/features/share/share-link';

const DIR = 'tests/fixtures/secrets';
const { planted } = JSON.parse(readFileSync(`${DIR}/planted.json`, 'utf8')) as {
  planted: { what: string; secret: string; files: string[] }[];
};
const FILES = ['go-vcr-v2.yaml', 'vcrpy.yaml', 'ruby-vcr.yml', 'polly.har'];

/** Every way the secret could be written: raw, URL-encoded, JSON-escaped, base64. */
function encodings(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%20/g, '+'),
    JSON.stringify(secret).slice(1, -1),
    Buffer.from(secret).toString('base64').replace(/=+$/, ''),
    Buffer.from(secret).toString('base64url'),
  ];
}

describe('share links from the secret-bearing cassettes', () => {
  for (const file of FILES) {
    it(`${file}: the link holds none of the planted secrets`, () => {
      const text = readFileSync(`${DIR}/${file}`, 'utf8');
      const mine = planted.filter((p) => p.files.includes(file));
      expect(mine.length).toBeGreaterThan(30);
      // Each secret really is in the file (raw or URL-encoded), so the test can fail.
      for (const { what, secret } of mine) {
        const inFile = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];
        const present = inFile.some((s) => text.includes(s)) || what.startsWith('splitKey');
        expect(present, what).toBe(true);
      }
      const result = prepareShare({
        fileName: file,
        bytes: new TextEncoder().encode(text),
        mask: true,
        indices: null,
      });
      if (!result.ok) throw new Error(result.message);
      expect(result.surviving).toEqual([]);
      expect(result.payload).not.toBeNull();
      const link = buildShareLink('https://viewer.example/', result.payload ?? '', file, {
        exchange: null,
        view: 'timeline',
        positionMs: null,
      });
      const shared = decodeSharePayload(new URLSearchParams(link.split('#')[1]).get('c') ?? '');
      for (const { what, secret } of mine) {
        for (const encoded of encodings(secret)) {
          expect(link.includes(encoded), `${what} in the link as ${encoded}`).toBe(false);
          expect(shared.text.includes(encoded), `${what} in the shared text as ${encoded}`).toBe(false);
        }
      }
      // The masked file still reads, and the streamed reply reads the placeholder once.
      const back = loadCassetteText(shared.text, file);
      expect(back.exchanges).toHaveLength(2);
      const replyText = readExchange(back.exchanges[1]!)
        .deltas.map((delta) => (delta.kind === 'text' ? delta.text : ''))
        .join('');
      expect(replyText).toMatch(/Your key is <MASKED_[A-Z_]+_\d+>\./);
      // One secret, one placeholder: the URL's `key=` and, in HAR, its decoded queryString[] copy.
      const url = back.exchanges[0]!.request.url;
      const key = new URL(url.replace(/<|>/g, (c) => encodeURIComponent(c))).searchParams.get('key');
      expect(key).toMatch(/^<MASKED_KEY_QUERY_PARAMETER_\d+>$/);
      if (file.endsWith('.har')) {
        const queryString = (
          JSON.parse(shared.text) as {
            log: { entries: { request: { queryString: { name: string; value: string }[] } }[] };
          }
        ).log.entries[0]!.request.queryString;
        expect(queryString.find((q) => q.name === 'key')?.value).toBe(key);
      }
    });
  }
});
