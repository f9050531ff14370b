import { readFileSync } from 'node:fs';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CassetteLoadError } from '../model/errors';
import type { LoadFailure } from '../model/errors';
import { loadCassette } from './index';
import { isHtmlPage, looksBinary, notACassetteMessage, sniffBinaryKind } from './sniff-file-kind';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);
const SAMPLE = new URL('../../../public/samples/multi_tool_streaming_kimi-k2_together.yaml', import.meta.url);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52);

function failure(load: () => unknown): LoadFailure {
  try {
    load();
  } catch (error) {
    if (error instanceof CassetteLoadError) return error.failure;
    throw error;
  }
  throw new Error('expected a load failure');
}

function tarHeader(): Uint8Array {
  const header = new Uint8Array(512);
  header.set(text('notes.txt'), 0);
  header.set(text('ustar\u000000'), 257);
  return header;
}

describe('sniffBinaryKind', () => {
  it.each([
    ['a PNG image', PNG],
    ['a JPEG image', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46)],
    ['a GIF image', text('GIF89a\u0001\u0000')],
    ['a PDF document', text('%PDF-1.7\n%âãÏÓ')],
    ['a ZIP archive', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0)],
    ['a ZIP archive', bytes(0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0)],
    ['a WebAssembly module', bytes(0x00, 0x61, 0x73, 0x6d, 0x01, 0, 0, 0)],
    ['a tar archive', tarHeader()],
  ])('names %s', (kind, input) => {
    expect(sniffBinaryKind(input)).toBe(kind);
  });

  it('names nothing for text or for "PK" that is not a ZIP header', () => {
    expect(sniffBinaryKind(text('interactions: []\n'))).toBeNull();
    expect(sniffBinaryKind(text('PK: value\n'))).toBeNull();
  });
});

describe('isHtmlPage and looksBinary', () => {
  it('sees an HTML page after whitespace and a BOM, in any case', () => {
    expect(isHtmlPage(text('\uFEFF\n  <!DOCTYPE html>\n<html>'))).toBe(true);
    expect(isHtmlPage(text('<HTML lang="en">'))).toBe(true);
    expect(isHtmlPage(text('<html>'))).toBe(true);
    expect(isHtmlPage(text('interactions:\n  - body: "<html>"'))).toBe(false);
    expect(isHtmlPage(text('<htmlx>'))).toBe(false);
  });

  it('calls bytes binary only for control bytes no text holds', () => {
    expect(looksBinary(bytes(0x61, 0x00, 0x62))).toBe(true);
    expect(looksBinary(text('a\tb\r\nc\fd\u001b[0m'))).toBe(false);
    expect(looksBinary(bytes(0x61, 0xff, 0xfe))).toBe(false);
  });
});

describe('loadCassette on files that are not cassettes', () => {
  it('says a PNG is a PNG image, with no line or column', () => {
    const f = failure(() => loadCassette(PNG, 'cat.yaml'));
    expect(f.message).toBe('This is a PNG image, not a cassette.');
    expect(f.line).toBeUndefined();
    expect(f.column).toBeUndefined();
    expect(f.fileName).toBe('cat.yaml');
  });

  it('says what a gzip file holds when it is not a cassette', () => {
    const f = failure(() => loadCassette(gzipSync(tarHeader()), 'backup.tar.gz'));
    expect(f.message).toBe('This is a gzip-compressed file holding a tar archive, not a cassette.');
    expect(f.line).toBeUndefined();
    const binary = failure(() => loadCassette(gzipSync(bytes(1, 2, 3, 0, 4, 5)), 'x.gz'));
    expect(binary.message).toMatch(/^This is a gzip-compressed file holding binary data, not a cassette/);
  });

  it('says an HTML page is an HTML page', () => {
    const f = failure(() => loadCassette(text('<!doctype html><title>502</title>'), 'cassette.yaml'));
    expect(f.message).toMatch(/^This is an HTML page, not a cassette/);
    expect(f.line).toBeUndefined();
  });

  it('says plain binary is binary data', () => {
    const f = failure(() => loadCassette(bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0), 'a.out'));
    expect(f.message).toMatch(/^This is binary data, not a cassette/);
    expect(f.line).toBeUndefined();
  });

  it('leaves a text file that fails to parse with its line and column', () => {
    const f = failure(() => loadCassette(text('interactions:\n  - request: [unclosed\n'), 'b.yaml'));
    expect(f.line).toBeGreaterThan(0);
    expect(f.message).not.toMatch(/not a cassette/);
  });

  it('still loads a gzip cassette', () => {
    const yaml = readFileSync(SAMPLE);
    expect(notACassetteMessage(yaml, 'gzip')).toBeNull();
    expect(loadCassette(gzipSync(yaml), 'c.yaml.gz').exchanges.length).toBeGreaterThan(0);
  });
});
