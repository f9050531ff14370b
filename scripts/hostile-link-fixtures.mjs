/**
 * The hostile share links of issue 14, written by scripts/make-hostile-fixtures.mjs into
 * tests/fixtures/hostile/generated/ as `NAME.link.txt`: each file holds a URL fragment (without
 * the `#`), `c=d1:…&n=…`, in the share codec of src/core/share/share-codec.ts (raw DEFLATE of
 * "file name, LF, file text", base64url). What must happen to each is in tests/hostile/catalog.ts.
 */
import { deflateRawSync } from 'node:zlib';
import { oneChatCassette } from './hostile-fixture-writers.mjs';

/** `c=d1:<payload>&n=<name>` for a file name and text (share-codec.ts `encodeSharePayload`). */
function linkFragment(fileName, text, linkName = fileName.slice(0, 60)) {
  const payload = deflateRawSync(Buffer.from(`${fileName}\n${text}`, 'utf8'), { level: 9 })
    .toString('base64')
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  return `c=d1:${payload}&n=${encodeURIComponent(linkName)}\n`;
}

/** A small go-vcr v2 chat cassette whose user message is `marker`. */
function smallCassette(marker) {
  return oneChatCassette({
    marker,
    responseBody: `'{"id":"c","object":"chat.completion","model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}]}'`,
  });
}

/** `files`: the generated file fixtures of the same issue, by name (the links carry two of them). */
export function linkFixtures(files) {
  return {
    // Issue 14: a 3 KB link whose cassette anchors one 1 MiB string and aliases it 20,000 times.
    'alias-bytes.link.txt': () => linkFragment('alias-bytes.yaml', files['alias-bytes.yaml']()),
    // Issue 14: a ~40 KB link that inflates to 4,000,000 empty interactions.
    'many-interactions.link.txt': () =>
      linkFragment('many-interactions.yaml', `version: 2\ninteractions:\n${'- {}\n'.repeat(4_000_000)}`),
    // Issue 14: a ~50 KB link whose embedded file name is 40,000,000 characters long.
    'long-name.link.txt': () =>
      linkFragment(`${'N'.repeat(40_000_000)}.yaml`, smallCassette('LONG-NAME-MARKER'), 'long-name.yaml'),
  };
}
