/**
 * How the CLI reads a cassette (issue 14): only a regular file, and no more than the size cap.
 * `fs.readFile` reads whatever the path names until it ends, so `/dev/zero` (or a symlink to it)
 * grew to 12 GB and a FIFO with no writer blocked forever. Here the path is opened with
 * O_NONBLOCK, so opening a FIFO returns at once (open(2): "O_NONBLOCK ... the open() for reading
 * only will return without delay"), then fstat(2) on the open descriptor says what it really is
 * (after any symlink, and with no race between a check and the open) before a byte is read.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { MAX_FILE_BYTES } from '../core/cassette/limits';

/** A read refused by this module; `code` is one of describeFsError's reasons. */
export class FileRefused extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'FileRefused';
    this.code = code;
  }
}

function kindOf(stat: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Reads a regular file of at most `cap` bytes; rejects with a Node error or a FileRefused. */
export async function readRegularFile(path: string, cap = MAX_FILE_BYTES): Promise<Uint8Array> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (!stat.isFile()) throw new FileRefused('ENOTREG', `it is ${kindOf(stat)}, not a regular file`);
    if (stat.size > cap) throw tooLarge(stat.size, cap);
    // The size may change while we read: read at most cap + 1 bytes and refuse if there were more.
    let buffer = new Uint8Array(Math.min(stat.size, cap) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const grown = new Uint8Array(Math.min(cap + 1, buffer.length * 2));
        grown.set(buffer);
        buffer = grown;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > cap) throw tooLarge(length, cap);
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

function tooLarge(size: number, cap: number): FileRefused {
  const MiB = 1024 * 1024;
  return new FileRefused(
    'ETOOLARGE',
    `the file is ${Math.ceil(size / MiB)} MiB, more than the limit of ${Math.round(cap / MiB)} MiB`,
  );
}
