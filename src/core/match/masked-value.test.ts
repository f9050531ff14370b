import { describe, expect, it } from 'vitest';
import { differsOnlyByMask, isMaskedValue } from './masked-value';

describe('isMaskedValue', () => {
  it.each([
    '**REDACTED**',
    'REDACTED',
    '<MASKED_OPENAI_KEY_1>',
    'Bearer <MASKED_BEARER_TOKEN_2>',
    '[FILTERED]',
    '[FILTERED:authorization]',
    '<API_KEY>',
    'Bearer <OPENAI_API_KEY>',
    '********',
  ])('%s is a mask', (value) => expect(isMaskedValue(value)).toBe(true));

  it.each(['Bearer sk-live-123', 'application/json', 'OpenAI/Go 2.3.0', '<b>', '**', 'redacted-ish'])(
    '%s is not',
    (value) => expect(isMaskedValue(value)).toBe(false),
  );
});

describe('differsOnlyByMask', () => {
  it('is true when one side is a mask and the other a real value', () => {
    expect(differsOnlyByMask('**REDACTED**', 'Bearer sk-123')).toBe(true);
    expect(differsOnlyByMask('Bearer sk-123', 'Bearer <MASKED_TOKEN_1>')).toBe(true);
  });
  it('is false for equal values and for two real values', () => {
    expect(differsOnlyByMask('**REDACTED**', '**REDACTED**')).toBe(false);
    expect(differsOnlyByMask('Bearer a', 'Bearer b')).toBe(false);
  });
});
