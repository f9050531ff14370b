import { describe, expect, it } from 'vitest';
import { readArriving } from './arriving-file';

/** Bytes that differ at every offset, so a part put in the wrong place shows. */
function pattern(length: number): Uint8Array<ArrayBuffer> {
  return Uint8Array.from({ length }, (_, i) => (i * 7 + (i >> 8)) & 0xff);
}

describe('readArriving', () => {
  it('has the head and the tail in place first, and every byte once the rest has come', async () => {
    const source = pattern(10_000);
    const file = await readArriving(new Blob([source]), 1_000, 300);
    expect(file.arrived).toEqual({ present: 1_000, tailFrom: 9_700 });
    expect(file.bytes.subarray(0, 1_000)).toEqual(source.subarray(0, 1_000));
    expect(file.bytes.subarray(9_700)).toEqual(source.subarray(9_700));
    await file.rest;
    expect(file.bytes).toEqual(source);
  });

  it('reads a file no larger than head and tail in one go', async () => {
    const source = pattern(1_300);
    const file = await readArriving(new Blob([source]), 1_000, 300);
    expect(file.arrived).toEqual({ present: 1_300, tailFrom: 1_300 });
    expect(file.bytes).toEqual(source);
    await expect(file.rest).resolves.toBeUndefined();
  });

  it('rejects the rest when the middle cannot be read (the load then says why)', async () => {
    const blob = new Blob([pattern(10_000)]);
    const failing = {
      size: blob.size,
      slice: (start: number, end?: number) =>
        start === 1_000 && end === 9_700
          ? { arrayBuffer: () => Promise.reject(new Error('The file changed on disk')) }
          : blob.slice(start, end),
    } as unknown as Blob;
    const file = await readArriving(failing, 1_000, 300);
    await expect(file.rest).rejects.toThrow('The file changed on disk');
  });
});
