import { describe, expect, it } from 'vitest';
import { findChromium, INSTALL_HINT } from '../e2e/support/find-chromium';

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, then /usr/bin/chromium, then a system Chrome', () => {
    const all = (path: string) => path !== '/nope';
    expect(findChromium({ CHROMIUM_PATH: '/opt/my/chrome' }, all)).toBe('/opt/my/chrome');
    expect(findChromium({}, all)).toBe('/usr/bin/chromium');
    expect(findChromium({}, (path) => path === '/usr/bin/google-chrome')).toBe('/usr/bin/google-chrome');
  });

  it('says how to install one when none is found', () => {
    expect(() => findChromium({}, () => false)).toThrow(INSTALL_HINT);
    expect(INSTALL_HINT).toContain('apt-get install -y chromium');
    expect(() => findChromium({ CHROMIUM_PATH: '/nope' }, () => false)).toThrow(
      /CHROMIUM_PATH points to \/nope/,
    );
  });
});
