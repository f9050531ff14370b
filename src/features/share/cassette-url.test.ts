import { describe, expect, it } from 'vitest';
import { fetchCassette, MAX_URL_BYTES, resolveCassetteUrl, sourceLabel } from './cassette-url';
import { openLink } from './use-link-loader';

function resolved(address: string): string {
  const result = resolveCassetteUrl(address);
  if (!result.ok) throw new Error(result.message);
  return result.url.href;
}

describe('resolveCassetteUrl', () => {
  it('rewrites GitHub blob pages to raw.githubusercontent.com', () => {
    expect(resolved('https://github.com/o/r/blob/main/tests/a b.yaml')).toBe(
      'https://raw.githubusercontent.com/o/r/main/tests/a%20b.yaml',
    );
  });
  it('keeps raw addresses and rewrites gist pages to their raw file', () => {
    expect(resolved('https://raw.githubusercontent.com/o/r/main/x.yaml')).toBe(
      'https://raw.githubusercontent.com/o/r/main/x.yaml',
    );
    expect(resolved('https://gist.github.com/u/abc123')).toBe(
      'https://gist.githubusercontent.com/u/abc123/raw',
    );
    expect(resolved('https://gist.github.com/u/abc/raw/def/f.yaml')).toBe(
      'https://gist.githubusercontent.com/u/abc/raw/def/f.yaml',
    );
  });
  it('refuses other schemes and non-addresses', () => {
    expect(resolveCassetteUrl('javascript:alert(1)').ok).toBe(false);
    expect(resolveCassetteUrl('file:///etc/passwd').ok).toBe(false);
    expect(resolveCassetteUrl('not a url').ok).toBe(false);
  });
  it('labels the source with host and path', () => {
    expect(sourceLabel(new URL('http://127.0.0.1:8080/dir/a%20b.yaml?x=1'))).toBe(
      '127.0.0.1:8080/dir/a b.yaml',
    );
  });
});

describe('fetchCassette', () => {
  const url = new URL('http://example.test/c.yaml');
  it('explains a network error as CORS', async () => {
    const failing = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    await expect(fetchCassette(url, failing)).rejects.toThrow(
      /example\.test does not allow other sites .*CORS/,
    );
  });
  it('reports 404 and other statuses', async () => {
    const answer = (status: number) => (() => Promise.resolve(new Response('x', { status }))) as typeof fetch;
    await expect(fetchCassette(url, answer(404))).rejects.toThrow(/404/);
    await expect(fetchCassette(url, answer(500))).rejects.toThrow(/HTTP 500/);
  });
  it('returns the bytes, and stops at the size cap', async () => {
    const ok = (() => Promise.resolve(new Response('abc'))) as typeof fetch;
    const fetched = await fetchCassette(url, ok);
    expect(new TextDecoder().decode(fetched.bytes)).toBe('abc');
    // No redirect (a Response built here has an empty url): the requested address.
    expect(fetched.url.href).toBe(url.href);
    const huge = (() =>
      Promise.resolve(
        new Response('x', { headers: { 'content-length': String(MAX_URL_BYTES + 1) } }),
      )) as typeof fetch;
    await expect(fetchCassette(url, huge)).rejects.toThrow(/MB/);
  });
});

/** A Response as fetch returns it after following redirects to `finalAddress`. */
function redirected(body: string, finalAddress: string): typeof fetch {
  return (() => {
    const response = new Response(body);
    Object.defineProperty(response, 'url', { value: finalAddress });
    Object.defineProperty(response, 'redirected', { value: true });
    return Promise.resolve(response);
  }) as typeof fetch;
}

describe('a #url= link that redirects (issue 14)', () => {
  it('fetchCassette returns the final address', async () => {
    const fetched = await fetchCassette(
      new URL('https://short.test/x'),
      redirected('abc', 'https://raw.githubusercontent.com/o/r/main/c.yaml'),
    );
    expect(fetched.url.href).toBe('https://raw.githubusercontent.com/o/r/main/c.yaml');
  });

  it('the file is labelled with the final address, not the first', async () => {
    const opened: { name: string; bytes: Uint8Array }[] = [];
    await new Promise<void>((done) => {
      openLink(
        { kind: 'url', address: 'https://short.test/x' },
        (name, bytes) => void bytes().then((data) => (opened.push({ name, bytes: data }), done())),
        redirected('version: 2\n', 'https://raw.githubusercontent.com/o/r/main/tests/c.yaml'),
      );
    });
    expect(opened.map((o) => o.name)).toEqual(['raw.githubusercontent.com/o/r/main/tests/c.yaml']);
    expect(new TextDecoder().decode(opened[0]!.bytes)).toBe('version: 2\n');
  });

  it('a failed fetch is labelled with the requested address', async () => {
    const names: string[] = [];
    await new Promise<void>((done) => {
      openLink(
        { kind: 'url', address: 'https://short.test/x' },
        (name, bytes) => void bytes().catch(() => (names.push(name), done())),
        (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch,
      );
    });
    expect(names).toEqual(['short.test/x']);
  });
});
