import { describe, expect, it } from 'vitest';
import { looksLikeCassettePath } from './cassette-path';

describe('looksLikeCassettePath', () => {
  it('reads the extensions cassettes have in the corpus', () => {
    for (const path of [
      'a.yaml',
      'suite/b.YML',
      'c.json',
      'd.har',
      'e.har.yaml',
      'f.yaml.gz',
      'g.toml',
      'h.httprr',
      'i.cassette',
      'no-extension',
    ])
      expect(looksLikeCassettePath(path), path).toBe(true);
  });

  it('skips code, images, notes and hidden files', () => {
    for (const path of [
      'test_x.py',
      'img/logo.png',
      'README.md',
      'x/.DS_Store',
      '.gitattributes',
      'Thumbs.db',
    ])
      expect(looksLikeCassettePath(path), path).toBe(false);
  });
});
