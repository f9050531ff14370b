import { describe, expect, it } from 'vitest';
import {
  hashOpensLink,
  keepsOrigin,
  manifestFor,
  persistSteps,
  restoreOrder,
  sameManifest,
  type OpenFileView,
} from './persist-plan';

const view = (id: string, status: OpenFileView['status'], origin: OpenFileView['origin'] = 'picked') => ({
  id,
  status,
  origin,
});

describe('persist-plan', () => {
  it('keeps every origin but links (a link in the address bar opens its file again by itself)', () => {
    expect(keepsOrigin('picked')).toBe(true);
    expect(keepsOrigin('sample')).toBe(true);
    expect(keepsOrigin('pasted')).toBe(true);
    expect(keepsOrigin('link')).toBe(false);
  });

  it('writes a file when it finishes loading, once, and not a link or a failure', () => {
    const loading = [view('a', 'loading'), view('b', 'loading', 'link'), view('c', 'loading')];
    const loaded = [view('a', 'loaded'), view('b', 'loaded', 'link'), view('c', 'failed')];
    expect(persistSteps([], loading, new Set())).toEqual({ store: [], remove: [] });
    expect(persistSteps(loading, loaded, new Set())).toEqual({ store: ['a'], remove: [] });
    // The doctor's findings come as a second `loaded`: no second write.
    expect(persistSteps(loaded, loaded, new Set())).toEqual({ store: [], remove: [] });
  });

  it('writes again after a reload from disk, but not a file just restored from the store', () => {
    const reloading = [view('a', 'loading'), view('r', 'loading')];
    const reloaded = [view('a', 'loaded'), view('r', 'loaded')];
    expect(persistSteps(reloading, reloaded, new Set(['r'])).store).toEqual(['a']);
  });

  it('removes the files that were closed', () => {
    expect(
      persistSteps([view('a', 'loaded'), view('b', 'loaded')], [view('b', 'loaded')], new Set()),
    ).toEqual({
      store: [],
      remove: ['a'],
    });
  });

  it('lists the kept files in page order, and the one shown', () => {
    const keys = new Map([
      ['a', 'KA'],
      ['c', 'KC'],
    ]);
    const files = [view('c', 'loaded'), view('b', 'loading'), view('a', 'loaded')];
    expect(manifestFor(files, 'a', (id) => keys.get(id))).toEqual({ order: ['KC', 'KA'], active: 'KA' });
    expect(manifestFor(files, 'b', (id) => keys.get(id))).toEqual({ order: ['KC', 'KA'], active: null });
    expect(sameManifest({ order: ['x'], active: null }, { order: ['x'], active: null })).toBe(true);
    expect(sameManifest({ order: ['x'], active: null }, { order: ['x'], active: 'x' })).toBe(false);
  });

  it('restores in the manifest order, then unlisted records oldest first; the active one if it is there', () => {
    const records = [
      { key: 'b', savedAt: 2 },
      { key: 'z', savedAt: 9 },
      { key: 'a', savedAt: 1 },
      { key: 'y', savedAt: 5 },
    ];
    const { files, active } = restoreOrder({ order: ['b', 'gone', 'a'], active: 'a' }, records);
    expect(files.map((file) => file.key)).toEqual(['b', 'a', 'y', 'z']);
    expect(active).toBe('a');
    expect(restoreOrder({ order: [], active: 'gone' }, records).active).toBe('z');
    expect(restoreOrder(undefined, []).active).toBeNull();
  });

  it('knows the links that open a file by themselves', () => {
    expect(hashOpensLink('#c=d1:abc&n=x.yaml&i=2')).toBe(true);
    expect(hashOpensLink('#url=https%3A%2F%2Fexample.com%2Fa.yaml')).toBe(true);
    expect(hashOpensLink('#local=TOKEN')).toBe(true);
    expect(hashOpensLink('#i=2&view=raw')).toBe(false);
    expect(hashOpensLink('')).toBe(false);
  });
});
