import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { describeStorageError, PersistStore, type StoredFile } from './persist-store';

let dbCount = 0;
const freshStore = () => new PersistStore(`persist-test-${++dbCount}`);

function record(key: string, text: string, savedAt = 1): StoredFile {
  return { key, name: `${key}.yaml`, origin: 'picked', bytes: new Blob([text]), savedAt };
}

describe('PersistStore (fake-indexeddb)', () => {
  it('starts empty', async () => {
    expect(await freshStore().read()).toEqual({ manifest: undefined, files: [] });
  });

  it('keeps files as Blobs and the manifest, and gives them back', async () => {
    const store = freshStore();
    await store.putFile(record('a', 'interactions: []'));
    await store.putFile(record('b', 'second'));
    await store.putManifest({ order: ['b', 'a'], active: 'a' });
    const { manifest, files } = await store.read();
    expect(manifest).toEqual({ order: ['b', 'a'], active: 'a' });
    expect(files.map((file) => file.key).sort()).toEqual(['a', 'b']);
    const a = files.find((file) => file.key === 'a')!;
    expect(a.bytes).toBeInstanceOf(Blob);
    expect(await a.bytes.text()).toBe('interactions: []');
  });

  it('replaces a file in place (reload from disk) and removes one', async () => {
    const store = freshStore();
    await store.putFile(record('a', 'old'));
    await store.putFile(record('a', 'new'));
    expect(await (await store.getFile('a'))!.bytes.text()).toBe('new');
    await store.removeFile('a');
    expect((await store.read()).files).toEqual([]);
  });

  it('forgets everything', async () => {
    const store = freshStore();
    await store.putFile(record('a', 'x'));
    await store.putManifest({ order: ['a'], active: 'a' });
    await store.forget();
    expect(await store.read()).toEqual({ manifest: undefined, files: [] });
  });

  it('skips records that are not well formed', async () => {
    const store = freshStore();
    await store.putFile({ ...record('a', 'x'), bytes: 'not a blob' as unknown as Blob });
    await store.putManifest({ order: 'nope', active: 3 } as never);
    expect(await store.read()).toEqual({ manifest: undefined, files: [] });
  });

  it('words a quota error for the page', () => {
    expect(describeStorageError(new DOMException('full', 'QuotaExceededError'))).toMatch(/no more room/);
    expect(describeStorageError(new Error('boom'))).toBe('boom');
  });
});
