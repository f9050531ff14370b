import { describe, expect, it } from 'vitest';
import { buildShareLink } from './share-link';
import { linkRequestFromHash } from './use-link-loader';

describe('share links', () => {
  it('carries the payload, the name and the deep-link state, and reads back', () => {
    const link = buildShareLink('https://x.test/app/?q=1#i=9&c=old', 'd1:AbC-_', 'dir/chat.yaml', {
      exchange: 2,
      view: 'replay',
      positionMs: 1250.4,
    });
    expect(link.startsWith('https://x.test/app/?q=1#')).toBe(true);
    const params = new URLSearchParams(link.split('#')[1]);
    expect(params.get('c')).toBe('d1:AbC-_');
    expect(params.get('n')).toBe('chat.yaml');
    expect(params.get('i')).toBe('3');
    expect(params.get('view')).toBe('replay');
    expect(params.get('t')).toBe('1250');
    expect(linkRequestFromHash(`#${link.split('#')[1]}`)).toEqual({
      kind: 'shared',
      payload: 'd1:AbC-_',
      name: 'chat.yaml',
    });
  });
  it('reads #url= and ignores fragments without a link', () => {
    expect(linkRequestFromHash('#url=https%3A%2F%2Fa.test%2Fc.yaml&i=2')).toEqual({
      kind: 'url',
      address: 'https://a.test/c.yaml',
    });
    expect(linkRequestFromHash('#i=2&view=raw')).toBeNull();
  });
});
