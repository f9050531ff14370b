/**
 * Safe YAML reading with eemeli/yaml (https://eemeli.org/yaml/#documents, #content-nodes).
 * We parse to a Document (YAML 1.2 core schema, so `yes`/`no`/octal stay strings) and convert the
 * node tree ourselves instead of calling `toJS()`, which lets us:
 * - never construct a Python or Ruby tag: the tags vcrpy 8.2.1's `_CassetteLoader` accepts are
 *   decoded as data (`!!binary`, `!!python/str|unicode|tuple`, `_io.BytesIO` state[0],
 *   `builtins.iter` args[0], `multidict istr` keys); every other `!!python/*` / `!ruby/*` tag is
 *   read as its plain value with an "unsafe tag, not constructed" warning (GHSA-rpj2-4hq8-938g);
 * - build mappings with `Object.create(null)` (no prototype pollution through `__proto__`);
 * - bound alias expansion (billion laughs) and nesting depth, with warnings instead of a hang;
 * - remember where each early mapping starts, for interaction line numbers.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, visit } from 'yaml';
import type { Document, Node as YamlNode, ParsedNode } from 'yaml';
import type { Diagnostic } from '../model/http';
import { decodeBase64 } from '../../lib/base64';
import { BinaryValue, createRawMap, field, type RawMap } from './raw-values';
import { composeGuarded, MAX_FLOW_DEPTH, TooDeep } from './yaml-compose';
import { readYamlFast } from './fast-yaml';
import { formatMiB, LimitExceeded, MAX_ALIAS_BYTES } from './limits';

const CORE_PREFIX = 'tag:yaml.org,2002:';
/** Nodes produced by alias expansion beyond the document's own size. */
const ALIAS_NODE_ALLOWANCE = 100_000;
/** Deeper structure is cut with a warning; real cassettes nest < 30 levels. */
export const MAX_DEPTH = 256;

export interface YamlReadResult {
  root: unknown;
  warnings: Diagnostic[];
  /** 1-based line of the mappings at depth ≤ 3 (root, interactions list items). */
  lineOf(map: object): number | undefined;
}

/** A YAML syntax error, with a 1-based position. */
export interface YamlSyntaxError {
  message: string;
  line?: number;
  column?: number;
}

/** `!!python/str` for `tag:yaml.org,2002:python/str`, else the tag as written. */
function displayTag(tag: string): string {
  return tag.startsWith(CORE_PREFIX) ? `!!${tag.slice(CORE_PREFIX.length)}` : tag;
}

/** Tags whose plain value is the right reading and cannot run anything when read as data. */
const HARMLESS_TAGS = new Set([
  'python/str',
  'python/unicode',
  'python/int',
  'python/long',
  'python/float',
  'python/bool',
  'python/none',
  'python/list',
  'python/dict',
  'python/tuple',
  'python/complex',
]);

function isForeignTag(tag: string): boolean {
  const short = displayTag(tag);
  return (
    short.startsWith('!!python/') ||
    short.startsWith('!ruby/') ||
    short.startsWith('!!ruby/') ||
    short.startsWith('!python/')
  );
}

export type YamlReadOutcome = { ok: true; result: YamlReadResult } | { ok: false; error: YamlSyntaxError };

/**
 * Parses YAML text. Returns the syntax error instead of throwing. Common block-style cassettes are
 * read by the fast path (fast-yaml.ts), which gives the same result or declines (null).
 */
export function readYaml(text: string): YamlReadOutcome {
  const fast = readYamlFast(text);
  return fast !== null ? { ok: true, result: fast } : readYamlSlow(text);
}

/** The full reader: yaml's composer, then our conversion. Exported for the differential tests. */
export function readYamlSlow(text: string): YamlReadOutcome {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = composeGuarded(text, lineCounter);
  } catch (error) {
    if (error instanceof TooDeep) {
      const pos = lineCounter.linePos(error.offset);
      const message = `YAML nested too deeply to read (more than ${MAX_FLOW_DEPTH} levels of [ or {)`;
      return { ok: false, error: { message, line: pos.line, column: pos.col } };
    }
    // The composer recurses; pathological nesting can exhaust the stack.
    return {
      ok: false,
      error: { message: error instanceof RangeError ? 'YAML nested too deeply to read' : String(error) },
    };
  }
  const first = doc.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    let message = first.message.split('\n')[0] ?? first.message;
    // The composer catches its own stack overflow and reports it as a parse error.
    if (/Maximum call stack/i.test(message)) message = 'YAML nested too deeply to read';
    return { ok: false, error: { message, line: pos.line, column: pos.col } };
  }
  const converter = new Converter(doc, lineCounter, text);
  for (const warning of doc.warnings) {
    if (warning.code !== 'MULTIPLE_DOCS') continue; // unresolved-tag warnings are handled per node
    const pos = lineCounter.linePos(warning.pos[0]);
    converter.warnings.push({
      severity: 'warning',
      message: warning.message,
      line: pos.line,
      column: pos.col,
    });
  }
  let root: unknown;
  try {
    root = converter.convert(doc.contents as ParsedNode | null, 0);
  } catch (error) {
    if (error instanceof RangeError)
      return { ok: false, error: { message: 'YAML nested too deeply to read' } };
    throw error;
  }
  const lines = converter.lines;
  return { ok: true, result: { root, warnings: converter.warnings, lineOf: (map) => lines.get(map) } };
}

class Converter {
  readonly warnings: Diagnostic[] = [];
  readonly lines = new WeakMap<object, number>();
  private aliasBudget: number;
  private aliasExhausted = false;
  /** Characters and bytes of scalars repeated through aliases so far (issue 14: limits.ts). */
  private aliasBytes = 0;
  private depthWarned = false;
  private readonly aliasTargets = new Map<YamlNode, YamlNode | null>();
  private aliasesResolved = false;
  private readonly doc: Document.Parsed;
  private readonly lineCounter: LineCounter;
  private readonly text: string;

  constructor(doc: Document.Parsed, lineCounter: LineCounter, text: string) {
    this.doc = doc;
    this.lineCounter = lineCounter;
    this.text = text;
    this.aliasBudget = ALIAS_NODE_ALLOWANCE;
  }

  /**
   * The node budget above counts nodes, but one aliased 1 MB string costs 1 MB again in every
   * later copy (bodies are decoded, measured and cloned per interaction); so the repeated text has
   * a budget of its own, and past it the file is refused.
   */
  private countAliased(value: unknown): void {
    if (typeof value === 'string') this.aliasBytes += value.length;
    else if (value instanceof BinaryValue) this.aliasBytes += value.bytes.length;
    else return;
    if (this.aliasBytes > MAX_ALIAS_BYTES)
      throw new LimitExceeded(
        `YAML aliases repeat more than ${formatMiB(MAX_ALIAS_BYTES)} of text (the limit for one file; a possible "billion laughs" file).`,
      );
  }

  /**
   * Alias.resolve() searches the document from its start on every call, so 20,000 aliases took
   * minutes (issue 14). One pass in document order finds every alias's target instead: the last
   * node before it that carries the anchor (YAML 1.2 §3.2.2.2, §7.1).
   */
  private resolveAliases(): void {
    this.aliasesResolved = true;
    const anchors = new Map<string, YamlNode>();
    visit(this.doc, {
      Node: (_key, node) => {
        if (isAlias(node)) this.aliasTargets.set(node, anchors.get(node.source) ?? null);
        else if (node.anchor) anchors.set(node.anchor, node);
      },
    });
  }

  private warn(message: string, node: YamlNode | null, at?: number): void {
    const offset = at ?? node?.range?.[0];
    const pos = offset === undefined ? undefined : this.lineCounter.linePos(offset);
    this.warnings.push({ severity: 'warning', message, line: pos?.line, column: pos?.col });
  }

  convert(node: ParsedNode | YamlNode | null | undefined, depth: number, viaAlias = false): unknown {
    if (node === null || node === undefined) return null;
    if (viaAlias) {
      if (this.aliasBudget-- <= 0) {
        if (!this.aliasExhausted) {
          this.aliasExhausted = true;
          this.warn(
            'YAML alias expansion stopped: too many aliased nodes (possible "billion laughs" file); the rest are empty',
            node,
          );
        }
        return null;
      }
    }
    if (depth > MAX_DEPTH) {
      if (!this.depthWarned) {
        this.depthWarned = true;
        this.warn(`YAML nested deeper than ${MAX_DEPTH} levels; the deeper part is not shown`, node);
      }
      return null;
    }
    if (isAlias(node)) {
      if (!this.aliasesResolved) this.resolveAliases();
      let target = this.aliasTargets.get(node);
      if (target === undefined) {
        target = node.resolve(this.doc) ?? null;
        this.aliasTargets.set(node, target);
      }
      if (!target) return null;
      return this.convert(target, depth, true);
    }
    if (isScalar(node)) {
      const value = this.convertScalar(node, node.tag);
      if (viaAlias) this.countAliased(value);
      return value;
    }
    if (isMap(node)) {
      const map = createRawMap();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = this.keyString(pair.key as YamlNode | null, depth + 1, viaAlias);
        map[key] = this.convert(pair.value as YamlNode | null, depth + 1, viaAlias);
      }
      if (depth <= 3 && node.range) this.lines.set(map, this.lineCounter.linePos(node.range[0]).line);
      return this.applyCollectionTag(node.tag, map, node);
    }
    if (isSeq(node)) {
      const list: unknown[] = [];
      for (const item of node.items) list.push(this.convert(item as YamlNode | null, depth + 1, viaAlias));
      return this.applyCollectionTag(node.tag, list, node);
    }
    return null;
  }

  private convertScalar(
    node: YamlNode & { value: unknown; source?: string },
    tag: string | undefined,
  ): unknown {
    if (tag === undefined) return node.value;
    const short = displayTag(tag);
    if (short === '!!binary' || short === '!binary' || short === '!!python/bytes') {
      const source =
        typeof node.source === 'string' ? node.source : typeof node.value === 'string' ? node.value : null;
      if (source !== null) {
        try {
          return new BinaryValue(decodeBase64(source), `yaml ${short}`);
        } catch (error) {
          this.warn(`${short} value is not base64 (${(error as Error).message}); shown as text`, node);
          return source;
        }
      }
    }
    const value = node.value;
    if (isForeignTag(tag) && !HARMLESS_TAGS.has(short.replace(/^!+/, ''))) this.unsafe(short, node);
    return value instanceof Uint8Array ? new BinaryValue(value, `yaml ${short}`) : value;
  }

  private unsafe(short: string, node: YamlNode): void {
    this.warn(`unsafe tag, not constructed: ${short}`, node, this.tagOffset(node));
  }

  /**
   * Where the node's tag is written. A node's range starts at its content, which for a block
   * collection is the line below `key: !ruby/object:Gem::Installer`; the warning should name the
   * tag's own line. Only whitespace, an anchor and a comment may sit between the tag and the
   * content (YAML 1.2 §6.9 node properties); otherwise the content's position is kept.
   */
  private tagOffset(node: YamlNode): number | undefined {
    const start = node.range?.[0];
    if (start === undefined) return undefined;
    const bang = this.text.lastIndexOf('!', start);
    if (bang < 0 || start - bang > 4096) return start;
    const between = this.text.slice(bang, start);
    return /^!\S*(?:[ \t]+&\S+)?(?:[ \t]+#[^\n]*)?\s*$/.test(between) ? bang : start;
  }

  /** Reads the Python object tags vcrpy accepts as the data they wrap. */
  private applyCollectionTag(tag: string | undefined, value: RawMap | unknown[], node: YamlNode): unknown {
    if (tag === undefined) return value;
    const short = displayTag(tag);
    if (short === '!!python/object/new:_io.BytesIO') {
      // PyYAML reduce form: {state: (bytes, position, dict)}; or a bare args list.
      const state = Array.isArray(value) ? value : field(value, 'state');
      const first = Array.isArray(state) ? state[0] : undefined;
      if (first instanceof BinaryValue) return new BinaryValue(first.bytes, `python BytesIO ${first.via}`);
      if (typeof first === 'string') return first;
      return value;
    }
    if (short === '!!python/object/apply:builtins.iter') {
      const args = Array.isArray(value) ? value : field(value, 'args');
      return Array.isArray(args) && Array.isArray(args[0]) ? args[0] : value;
    }
    if (/^!!python\/object\/(new|apply):multidict\._multidict\.istr$/.test(short)) {
      const args = Array.isArray(value) ? value : field(value, 'args');
      return Array.isArray(args) && typeof args[0] === 'string' ? args[0] : value;
    }
    if (isForeignTag(tag) && !HARMLESS_TAGS.has(short.replace(/^!+/, ''))) this.unsafe(short, node);
    return value;
  }

  /** Mapping keys become strings; a tagged key (multidict istr) is read as its plain string. */
  private keyString(node: YamlNode | null, depth: number, viaAlias: boolean): string {
    if (node === null) return 'null';
    if (isScalar(node) && node.tag === undefined) {
      const v = node.value;
      return typeof v === 'string' ? v : typeof node.source === 'string' ? node.source : String(v);
    }
    const value = this.convert(node, depth, viaAlias);
    if (typeof value === 'string') return value;
    if (value instanceof BinaryValue) return new TextDecoder().decode(value.bytes);
    try {
      return JSON.stringify(value) ?? String(value);
    } catch {
      return String(value);
    }
  }
}
