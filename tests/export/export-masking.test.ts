/**
 * Issue 19: "no secret leaves in an export". The secret-bearing cassettes of issue 14
 * (tests/fixtures/secrets: go-vcr, vcrpy, Ruby VCR and HAR forms with every leak planted,
 * split stream keys included) are exported to markdown and HAR, masked by default, and neither
 * export holds any planted secret in any spelling: raw, URL- or JSON-encoded, base64, or
 * markdown-escaped (the transcript escapes `_`, `*`, …, so a mask run on finished markdown would
 * miss `sk\_live\_…`). The HAR still loads, and unmasked it does hold them (so the test can fail).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCassette } from '../../src/core/cassette';
import { escapeMarkdownText } from '../../src/core/export/markdown-escape';
import { exportCassette, type ExportFormat } from '../../src/core/export/export-cassette';

const DIR = 'tests/fixtures/secrets';
const { planted } = JSON.parse(readFileSync(`${DIR}/planted.json`, 'utf8')) as {
  planted: { what: string; secret: string; files: string[] }[];
};
const FILES = ['go-vcr-v2.yaml', 'vcrpy.yaml', 'ruby-vcr.yml', 'polly.har'];

function spellings(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
    JSON.stringify(JSON.stringify(secret).slice(1, -1)).slice(1, -1),
    Buffer.from(secret).toString('base64').replace(/=+$/, ''),
    escapeMarkdownText(secret),
  ].filter((s) => s.length >= 6);
}

function exported(file: string, to: ExportFormat, mask: boolean): string {
  const text = readFileSync(`${DIR}/${file}`, 'utf8');
  const cassette = loadCassette(new TextEncoder().encode(text), file);
  return exportCassette(cassette, { to, mask, creatorVersion: 'test', fileText: text }).text;
}

describe('exports of the secret-bearing cassettes', () => {
  for (const file of FILES) {
    for (const to of ['md', 'har'] as const) {
      it(`${file} → ${to}: masked, holds none of the planted secrets`, () => {
        const mine = planted.filter((p) => p.files.includes(file));
        expect(mine.length).toBeGreaterThan(30);
        const text = exported(file, to, true);
        const leaks = mine.filter(({ secret }) => spellings(secret).some((s) => text.includes(s)));
        expect(leaks.map((leak) => leak.what)).toEqual([]);
        expect(text).toContain('MASKED_');
        if (to === 'har')
          expect(loadCassette(new TextEncoder().encode(text), 'x.har').exchanges).toHaveLength(2);
      });
    }
    it(`${file} → har: unmasked, the secrets are there`, () => {
      const text = exported(file, 'har', false);
      const mine = planted.filter((p) => p.files.includes(file) && !p.what.startsWith('splitKey'));
      const present = mine.filter(({ secret }) => spellings(secret).some((s) => text.includes(s)));
      expect(present.length).toBeGreaterThan(mine.length / 2);
    });
  }
});
