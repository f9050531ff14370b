import { describe, expect, it } from 'vitest';
import { canPickWithHandle, pickFilesWithHandles } from './persist-disk';

/** A stand-in for a FileSystemFileHandle: only what the picker's caller uses. */
function handle(name: string, text: string): FileSystemFileHandle {
  return {
    kind: 'file',
    name,
    getFile: async () => new File([text], name),
  } as unknown as FileSystemFileHandle;
}

/** A window whose `showOpenFilePicker` answers with `answer`, recording the options it was given. */
function pickerWindow(answer: () => Promise<FileSystemFileHandle[]>) {
  const calls: unknown[] = [];
  const scope = {
    showOpenFilePicker(options: unknown) {
      calls.push(options);
      return answer();
    },
  };
  return { scope, calls };
}

describe('canPickWithHandle', () => {
  it('is true only where the File System Access picker exists (Chromium)', () => {
    expect(canPickWithHandle({})).toBe(false);
    expect(canPickWithHandle({ showOpenFilePicker: 'not a function' })).toBe(false);
    expect(canPickWithHandle(pickerWindow(async () => []).scope)).toBe(true);
  });
});

describe('pickFilesWithHandles', () => {
  it('asks for the file input where there is no picker (Firefox, Safari)', async () => {
    expect(await pickFilesWithHandles({ multiple: true }, {})).toEqual({ kind: 'use-input' });
  });

  it('gives each picked file with its handle, to keep for Reload from disk', async () => {
    const a = handle('a.yaml', 'interactions: []');
    const b = handle('b.har', '{}');
    const { scope, calls } = pickerWindow(async () => [a, b]);
    const pick = await pickFilesWithHandles({ multiple: true }, scope);
    expect(calls).toEqual([{ multiple: true }]);
    expect(pick.kind).toBe('picked');
    if (pick.kind !== 'picked') return;
    expect(pick.files.map(({ file, handle: kept }) => [file.name, kept])).toEqual([
      ['a.yaml', a],
      ['b.har', b],
    ]);
    expect(await pick.files[0]?.file.text()).toBe('interactions: []');
  });

  it('does nothing when the user closes the picker (AbortError), and shows no error', async () => {
    const closed = pickerWindow(() =>
      Promise.reject(new DOMException('The user aborted a request.', 'AbortError')),
    );
    expect(await pickFilesWithHandles({ multiple: false }, closed.scope)).toEqual({ kind: 'cancelled' });
    expect(await pickFilesWithHandles({ multiple: false }, pickerWindow(async () => []).scope)).toEqual({
      kind: 'cancelled',
    });
  });

  it('falls back to the file input when the picker refuses or a picked file cannot be read', async () => {
    const refused = pickerWindow(() =>
      Promise.reject(new DOMException('Cross origin sub frames', 'SecurityError')),
    );
    expect(await pickFilesWithHandles({ multiple: true }, refused.scope)).toEqual({ kind: 'use-input' });
    const unreadable = {
      name: 'gone.yaml',
      getFile: () => Promise.reject(new DOMException('gone', 'NotFoundError')),
    } as unknown as FileSystemFileHandle;
    const gone = pickerWindow(async () => [unreadable]);
    expect(await pickFilesWithHandles({ multiple: true }, gone.scope)).toEqual({ kind: 'use-input' });
  });
});
