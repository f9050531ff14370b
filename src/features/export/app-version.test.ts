import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cassetteToHar } from '../../core/export/har-export';
import { APP_VERSION } from './app-version';

const packageVersion = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

describe('APP_VERSION', () => {
  it("is package.json's version, put in by the build's define", () => {
    expect(APP_VERSION).toBe(packageVersion);
    expect(APP_VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("is what the page's HAR names as its creator's version", () => {
    const har = cassetteToHar([], { creatorVersion: APP_VERSION });
    expect(har.log.creator).toEqual({ name: 'cassette-viewer', version: packageVersion });
  });
});
