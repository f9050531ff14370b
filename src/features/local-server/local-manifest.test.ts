import { describe, expect, it } from 'vitest';
import { localTokenFromHash, manifestUrl, readLocalManifest } from './local-manifest';

const BASE = 'http://127.0.0.1:4318/';
const TOKEN = 'ab'.repeat(24);

describe('local manifest', () => {
  it('reads the token from the fragment, next to other keys, and only as hex', () => {
    expect(localTokenFromHash(`#local=${TOKEN}&i=2`)).toBe(TOKEN);
    expect(localTokenFromHash(`#i=2&local=${TOKEN}`)).toBe(TOKEN);
    expect(localTokenFromHash('#local=../x')).toBeNull();
    expect(localTokenFromHash('#url=https://example.com/a.yaml')).toBeNull();
    expect(manifestUrl(TOKEN, BASE).href).toBe(`${BASE}local/${TOKEN}/index.json`);
  });

  it('reads a folder list with same-origin file addresses', () => {
    const manifest = readLocalManifest(
      {
        kind: 'folder',
        root: '/home/me/cassettes',
        files: [{ path: 'sub/a.yaml', size: 12, url: `/local/${TOKEN}/file/0` }],
      },
      BASE,
    );
    expect(manifest.kind).toBe('folder');
    expect(manifest.files[0]).toMatchObject({ path: 'sub/a.yaml', size: 12 });
    expect(manifest.files[0]!.url.href).toBe(`${BASE}local/${TOKEN}/file/0`);
  });

  it('refuses a list that is not one, and addresses that leave the origin', () => {
    expect(() => readLocalManifest(null, BASE)).toThrow(/does not understand/);
    expect(() => readLocalManifest({ kind: 'files', root: '/', files: 'x' }, BASE)).toThrow(/no list/);
    expect(() =>
      readLocalManifest(
        { kind: 'files', root: '/', files: [{ path: 'a', url: 'https://evil.example/local/x' }] },
        BASE,
      ),
    ).toThrow(/points elsewhere \(https:\/\/evil\.example\)/);
    expect(() =>
      readLocalManifest({ kind: 'files', root: '/', files: [{ path: 'a', url: '/assets/index.js' }] }, BASE),
    ).toThrow(/points elsewhere/);
    expect(() => readLocalManifest({ kind: 'files', root: '/', files: [{ url: '/local/x' }] }, BASE)).toThrow(
      /file 1 .* no path/,
    );
  });
});
