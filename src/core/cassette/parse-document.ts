/**
 * Text → document tree. JSON-looking text goes through `JSON.parse` (fast, and it defines
 * `__proto__` as an own data property rather than calling the setter, ECMA-262 §25.5.1); if that
 * fails, or for anything else, the safe YAML reader runs (JSON is YAML 1.2, and YAML errors carry
 * line and column).
 */
import type { Diagnostic } from '../model/http';
import { jsonNestsDeeperThan } from '../../lib/json-depth';
import { readYaml, type YamlSyntaxError } from './yaml-reader';

export interface ParsedDocument {
  root: unknown;
  syntax: 'json' | 'yaml';
  warnings: Diagnostic[];
  lineOf(node: object): number | undefined;
}

const noLines = (): undefined => undefined;

function firstSignificantChar(text: string): string {
  const match = /[^\s]/.exec(text.length > 4096 ? text.slice(0, 4096) : text);
  return match ? match[0] : '';
}

export function parseDocumentText(
  text: string,
): { ok: true; doc: ParsedDocument } | { ok: false; error: YamlSyntaxError } {
  const first = firstSignificantChar(text);
  // Deeper JSON would parse, but every later reader of the tree recurses (lib/json-depth.ts); the
  // YAML reader bounds depth itself and says where the nesting goes too deep.
  if ((first === '{' || first === '[') && !jsonNestsDeeperThan(text)) {
    try {
      return {
        ok: true,
        doc: { root: JSON.parse(text) as unknown, syntax: 'json', warnings: [], lineOf: noLines },
      };
    } catch {
      // Not strict JSON (or nested too deeply for JSON.parse): let the YAML reader explain.
    }
  }
  const read = readYaml(text);
  if (!read.ok) return read;
  return {
    ok: true,
    doc: {
      root: read.result.root,
      syntax: 'yaml',
      warnings: read.result.warnings,
      lineOf: read.result.lineOf,
    },
  };
}
