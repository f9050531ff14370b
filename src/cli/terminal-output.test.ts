/* eslint-disable no-control-regex -- these tests look for control characters. */
import { describe, expect, it } from 'vitest';
import { safeJson, terminalText } from './cli-io';

// ESC ] 52 (OSC 52, write the clipboard), BEL, an 8-bit CSI (U+009B), RLO and LRI.
const HOSTILE = 'a\u001b]52;c;aGk=\u0007b\u009b31mc\u202ed\u2066e\ttab';

describe('terminal-safe output (issue 14)', () => {
  it('shows every control, C1 and bidi character of human output as an escape, keeping line breaks', () => {
    const shown = terminalText(`${HOSTILE}\nnext`);
    expect(shown).toBe('a\\u{1b}]52;c;aGk=\\u{7}b\\u{9b}31mc\\u{202e}d\\u{2066}e\\u{9}tab\nnext');
    expect(shown).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it('writes them as \\u escapes in JSON, which reads back to the same string', () => {
    const json = safeJson({ file: HOSTILE, nested: ['\u0085', '\u061c'] });
    expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u202a-\u202e\u2066-\u2069]/);
    expect(json).toContain('\\u009b');
    expect(json).toContain('\\u202e');
    expect(JSON.parse(json)).toEqual({ file: HOSTILE, nested: ['\u0085', '\u061c'] });
  });
});
