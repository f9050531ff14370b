/**
 * The TOML form of cassetter cassettes (https://github.com/Kludex/cassetter,
 * conformance/format/http-bodies.toml: `version = 1`, `[[interactions]]`,
 * `[interactions.request]` with `body_type` / `body_content`). Parsed by smol-toml, a maintained
 * TOML 1.0 parser with no dependencies (https://github.com/squirrelchat/smol-toml), whose tables
 * are prototype-less objects (`Object.create(null)`), like the YAML reader's. `__proto__` and
 * `constructor` keys are dropped, and inline nesting is bounded.
 */
import { parse, TomlError } from 'smol-toml';
import { decodeUtf8Strict } from '../../lib/text';
import type { DocumentReader } from './format-module';

/** Inline tables and arrays nested deeper than this are refused (smol-toml `maxDepth`). */
const MAX_TOML_DEPTH = 64;

/**
 * A TOML cassette starts (after comments and blank lines) with a `key = value` line or a table
 * header such as `[[interactions]]`. Neither is the start of a JSON document, and YAML would read
 * such a line as a plain scalar or a flow sequence, never as a cassette.
 */
const TOML_START = /^(?:[A-Za-z0-9_-]+\s*=\s*\S|\[\[?\s*[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\s*\]\]?\s*$)/;

function firstContentLine(head: string): string | null {
  for (const line of head.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    return trimmed;
  }
  return null;
}

export const tomlDocumentReader: DocumentReader = {
  syntax: 'TOML',
  sniff(head) {
    const line = firstContentLine(head);
    return line !== null && TOML_START.test(line);
  },
  read(bytes) {
    const text = decodeUtf8Strict(bytes);
    if (text === null) return { ok: false, message: 'the file is not UTF-8 text' };
    try {
      const root = parse(text, { maxDepth: MAX_TOML_DEPTH, unsafeKeyBehaviour: 'drop' });
      return { ok: true, root, warnings: [] };
    } catch (error) {
      if (error instanceof TomlError)
        return {
          ok: false,
          message: error.message.split('\n')[0] ?? 'invalid TOML',
          line: error.line,
          column: error.column,
        };
      return { ok: false, message: String(error) };
    }
  },
};
