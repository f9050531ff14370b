import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareShare } from '../prepare-share';
import { scanWithRules } from './rule-engine';

const DIGEST = 'bd8965b2eef3a61b4e05647a401026066c88116c8594a0c10b09cfb38b9e1669';
const generic = (text: string) => scanWithRules(text).filter((m) => m.ruleId === 'generic-api-key');

describe('local allowlist of generic-api-key', () => {
  it('leaves a hex digest under a name that says it is a hash (the Cody HAR license field)', () => {
    expect(generic(`{"license":{"hashedKey":"${DIGEST}"}}`)).toEqual([]);
    expect(generic(`{\\"keySha256\\":\\"${DIGEST}\\"}`)).toEqual([]);
    expect(generic(`api_key_md5 = ${DIGEST.slice(0, 32)}`)).toEqual([]);
  });

  it('still reports the same value under a credential name, and a non-digest under a hash name', () => {
    expect(generic(`{"apiKey":"${DIGEST}"}`).map((m) => m.secret)).toEqual([DIGEST]);
    const notHex = 'Zk9vQmFyQmF6UXV4MTIzNDU2Nzg5MGFiY2RlZg';
    expect(generic(`{"hashedKey":"${notHex}"}`).map((m) => m.secret)).toEqual([notHex]);
    // 63 hex digits is no digest length: still a possible key.
    expect(generic(`{"hashedKey":"${DIGEST.slice(1)}"}`)).toHaveLength(1);
  });

  it('lets the corpus Cody HAR be shared (it was refused for that digest)', () => {
    const path = 'tests/fixtures/corpus/polly/cody/defaultClient_631904893.recording.har';
    const result = prepareShare({
      fileName: 'defaultClient_631904893.recording.har',
      bytes: readFileSync(path),
      mask: true,
      indices: null,
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.surviving).toEqual([]);
    expect(result.payload).not.toBeNull();
  });
});
