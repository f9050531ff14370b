import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Header } from '../model/http';
import { decodeBody, structuredBody } from './body-decoder';

const json = '{"choices":[{"message":{"content":"hi"}}]}';
const jsonBytes = new TextEncoder().encode(json);
const headers = (encoding: string | null, type = 'application/json'): Header[] => [
  { name: 'Content-Type', value: type },
  ...(encoding ? [{ name: 'Content-Encoding', value: encoding }] : []),
];

describe('decodeBody', () => {
  it.each([
    ['gzip', gzipSync(jsonBytes), 'gzip'],
    ['deflate', deflateSync(jsonBytes), 'deflate (zlib)'],
    ['deflate', deflateRawSync(jsonBytes), 'deflate (raw)'],
    ['br', brotliCompressSync(jsonBytes), 'brotli'],
  ])('undoes %s when the bytes are compressed', (encoding, compressed, step) => {
    const warnings: string[] = [];
    const body = decodeBody(
      { value: new Uint8Array(compressed), steps: ['base64'], headers: headers(encoding) },
      warnings,
    );
    expect(body?.text).toBe(json);
    expect(body?.decoding).toEqual(['base64', step, 'UTF-8']);
    expect(body?.sizeBytes).toBe(jsonBytes.length);
    expect(warnings).toEqual([]);
  });

  it.each(['gzip', 'br', 'deflate', 'zstd'])(
    'leaves bodies stored decoded under a %s header alone',
    (encoding) => {
      const warnings: string[] = [];
      const body = decodeBody({ value: jsonBytes, steps: [], headers: headers(encoding) }, warnings);
      expect(body?.text).toBe(json);
      expect(body?.decoding[0]).toBe(`${encoding} header, body stored decoded`);
      expect(warnings).toEqual([]);
    },
  );

  it('respects alreadyDecoded (go-vcr uncompressed: true)', () => {
    const gz = new Uint8Array(gzipSync(jsonBytes));
    const body = decodeBody(
      { value: gz, steps: [], headers: headers('gzip', 'application/gzip'), alreadyDecoded: true },
      [],
    );
    expect(body?.bytes).toEqual(gz);
  });

  it('turns a corrupt or oversized body into a warning and keeps the bytes', () => {
    const gz = new Uint8Array(gzipSync(jsonBytes));
    const truncated = gz.subarray(0, gz.length >> 1);
    const warnings: string[] = [];
    const body = decodeBody({ value: truncated, steps: [], headers: headers('gzip') }, warnings);
    expect(warnings[0]).toMatch(/body not decompressed: gzip/);
    expect(body).not.toBeNull();

    const bomb = new Uint8Array(gzipSync(new Uint8Array(500_000)));
    const bombWarnings: string[] = [];
    const kept = decodeBody({ value: bomb, steps: [], headers: headers('gzip') }, bombWarnings, {
      inflateCap: 10_000,
    });
    expect(bombWarnings[0]).toMatch(/cap/);
    expect(kept?.sizeBytes).toBe(bomb.length);
  });

  it('decodes a declared charset', () => {
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9]);
    const body = decodeBody(
      { value: latin1, steps: [], headers: headers(null, 'text/plain; charset=ISO-8859-1') },
      [],
    );
    expect(body?.text).toBe('café');
    expect(body?.decoding).toEqual(['WINDOWS-1252']);
  });

  it('keeps binary bodies as bytes with their media type', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const sniffed = decodeBody({ value: png, steps: ['yaml !!binary'], headers: [] }, []);
    expect(sniffed).toMatchObject({ text: null, bytes: png, mimeType: 'image/png', sizeBytes: 12 });
    const frames = new Uint8Array([0, 0, 0, 0x97, 0, 0, 0, 0x52, 0x7b, 0x7d]);
    const events = decodeBody(
      { value: frames, steps: [], headers: headers(null, 'application/vnd.amazon.eventstream') },
      [],
    );
    expect(events).toMatchObject({ text: null, mimeType: 'application/vnd.amazon.eventstream' });
    expect(events?.decoding).toEqual(['binary']);
  });

  it('reads text bodies and treats empty ones as absent', () => {
    expect(decodeBody({ value: 'héllo', steps: [], headers: [] }, [])).toMatchObject({
      text: 'héllo',
      sizeBytes: 6,
      decoding: ['text'],
    });
    expect(decodeBody({ value: '', steps: [], headers: [] }, [])).toBeNull();
    expect(decodeBody({ value: null, steps: [], headers: [] }, [])).toBeNull();
  });

  it('warns on invalid UTF-8 in a text type and shows it lossily', () => {
    const warnings: string[] = [];
    const body = decodeBody(
      { value: new Uint8Array([0x7b, 0xff, 0x7d]), steps: [], headers: headers(null) },
      warnings,
    );
    expect(body?.text).toBe('{\uFFFD}');
    expect(warnings[0]).toMatch(/not valid UTF-8/);
  });
});

describe('structuredBody', () => {
  it('renders structured data as JSON and keeps it', () => {
    const body = structuredBody({ a: [1, 2] }, ['pydantic-ai parsed_body'], []);
    expect(JSON.parse(body.text!)).toEqual({ a: [1, 2] });
    expect(body.structured).toEqual({ a: [1, 2] });
  });

  it('does not keep or render data nested too deeply, and warns', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const warnings: string[] = [];
    const body = structuredBody(deep, ['HAR textJSON'], [], warnings);
    expect(body.structured).toBeUndefined();
    expect(body.text).toMatch(/not shown/);
    expect(warnings[0]).toMatch(/nested too deeply/);
  });
});
