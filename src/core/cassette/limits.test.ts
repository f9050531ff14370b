import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CassetteLoadError, loadCassette } from './index';
import { decodeBody } from './body-decoder';
import { InflateBudget, MAX_INTERACTIONS } from './limits';

const MiB = 1024 * 1024;
const bytesOf = (text: string) => new TextEncoder().encode(text);

function loadError(bytes: Uint8Array): CassetteLoadError {
  try {
    loadCassette(bytes, 'limits.yaml');
  } catch (error) {
    if (error instanceof CassetteLoadError) return error;
    throw error;
  }
  throw new Error('expected a CassetteLoadError');
}

describe('budgets of one file (issue 14)', () => {
  it('refuses YAML aliases that repeat more than 64 MiB of text, and reads fewer', () => {
    const item = (body: string) =>
      `  - request: {url: "https://x.test/", method: POST, body: ${body}}\n    response: {code: 200}`;
    const cassette = (aliases: number) =>
      `version: 2\ninteractions:\n${item(`&big "${'x'.repeat(MiB)}"`)}\n${Array.from({ length: aliases }, () => item('*big')).join('\n')}\n`;
    expect(loadError(bytesOf(cassette(80))).message).toBe(
      'YAML aliases repeat more than 64 MiB of text (the limit for one file; a possible "billion laughs" file).',
    );
    expect(loadCassette(bytesOf(cassette(3)), 'ok.yaml').exchanges).toHaveLength(4);
  });

  it('refuses more than 100,000 interactions before parsing a block list, and after parsing JSON', () => {
    const block = gzipSync(`version: 2\ninteractions:\n${'- {}\n'.repeat(MAX_INTERACTIONS + 1)}`);
    expect(loadError(block).message).toBe(
      'The file holds more than 100,000 interactions, the limit for one file.',
    );
    const json = `{"version":2,"interactions":[${Array(MAX_INTERACTIONS + 1)
      .fill('{}')
      .join(',')}]}`;
    expect(loadError(bytesOf(json)).message).toBe(
      'The file holds 100,001 interactions, more than the limit of 100,000 for one file.',
    );
    const atLimit = `version: 2\ninteractions:\n${'- {}\n'.repeat(1000)}`;
    expect(loadCassette(bytesOf(atLimit), 'ok.yaml').exchanges).toHaveLength(1000);
  });

  it('shares one inflate budget across the bodies of a file and refuses past it', () => {
    const compressed = new Uint8Array(brotliCompressSync(Buffer.alloc(3 * MiB, 0x41)));
    const headers = [{ name: 'Content-Encoding', value: 'br' }];
    const budget = new InflateBudget(8 * MiB);
    const warnings: string[] = [];
    for (let i = 0; i < 2; i++) {
      const body = decodeBody({ value: compressed, steps: [], headers }, warnings, { inflateBudget: budget });
      expect(body?.text?.length).toBe(3 * MiB);
    }
    expect(budget.remaining).toBe(2 * MiB);
    expect(() =>
      decodeBody({ value: compressed, steps: [], headers }, warnings, { inflateBudget: budget }),
    ).toThrow(
      'The bodies of this file inflate to more than 8 MiB in all (the limit for one file; gzip, deflate, brotli or zstd).',
    );
    expect(warnings).toEqual([]);
  });
});
