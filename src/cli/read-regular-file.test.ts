import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeFsError } from './cli-io';
import { readRegularFile } from './read-regular-file';

const dir = mkdtempSync(join(tmpdir(), 'cv-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function refusal(path: string, cap?: number): Promise<string> {
  try {
    await readRegularFile(path, cap);
  } catch (error) {
    return describeFsError(path, error);
  }
  throw new Error(`${path} was read`);
}

describe('readRegularFile (issue 14)', () => {
  it('reads a regular file, also through a symlink', async () => {
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'version: 2\n');
    symlinkSync(file, join(dir, 'link.yaml'));
    expect(new TextDecoder().decode(await readRegularFile(join(dir, 'link.yaml')))).toBe('version: 2\n');
  });

  it('refuses /dev/zero and a symlink to it without reading', async () => {
    expect(await refusal('/dev/zero')).toBe('cannot open /dev/zero: it is a device, not a regular file');
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    expect(await refusal(join(dir, 'zero.yaml'))).toMatch(/zero\.yaml: it is a device, not a regular file$/);
  });

  it('refuses a FIFO at once, with no writer on the other end', async () => {
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(await refusal(fifo)).toMatch(/pipe\.yaml: it is a FIFO \(named pipe\), not a regular file$/);
  });

  it('refuses a directory and a file over the cap (a sparse file: nothing is read)', async () => {
    expect(await refusal(dir)).toMatch(/: it is a directory, not a file$/);
    const big = join(dir, 'big.yaml');
    writeFileSync(big, '');
    truncateSync(big, 600 * 1024 * 1024);
    expect(await refusal(big)).toMatch(/big\.yaml: the file is 600 MiB, more than the limit of 512 MiB$/);
    writeFileSync(join(dir, 'small.yaml'), 'x'.repeat(2048));
    expect(await refusal(join(dir, 'small.yaml'), 1024)).toMatch(/the file is 2 MiB|more than the limit/);
  });
});
