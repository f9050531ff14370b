/**
 * The value tree of the fast YAML path (fast-yaml.ts): the open block and flow collections, where
 * an entry at a given column belongs (YAML 1.2 §8.2 block collections, §7.4 flow collections), and
 * the values as the safe reader builds them — prototype-less maps (createRawMap), `map[key] = value`
 * in document order (so a repeated key keeps its first position and its last value, as in
 * yaml-reader.ts with `uniqueKeys: false`), null for an empty node (§10.3.2).
 */
import { createRawMap, type RawMap } from './raw-values';
import { keyString, scalarValue, unsupported } from './fast-yaml-scalars';
import { MAX_FLOW_DEPTH } from './yaml-compose';

/**
 * yaml-reader.ts MAX_DEPTH: deeper nodes are cut there with a warning, so the fast path leaves such
 * documents to it. Not imported, to keep the dependency one-way (yaml-reader → fast-yaml);
 * fast-yaml.test.ts asserts the two are equal.
 */
export const FAST_MAX_DEPTH = 256;

/** Collection kinds. */
export const BLOCK_MAP = 0;
export const BLOCK_SEQ = 1;
export const FLOW_MAP = 2;
export const FLOW_SEQ = 3;

/** Flow collection states (YAML 1.2 §7.4). */
const F_START = 0; // after `[` / `{`
const F_DONE = 1; // after an entry: `,` or the end
const F_COMMA = 2; // after `,`: an entry must follow (no empty or trailing entries here)
const F_KEY = 3; // flow map: after a key, `:` must follow (no `{a, b}` here)
const F_COLON = 4; // flow map: after `:`, a value must follow

/** yaml's KEY_OVER_1024_CHARS: "The : indicator must be at most 1024 chars after the start of an implicit … key". */
export const MAX_IMPLICIT_KEY = 1024;

export interface Frame {
  kind: number;
  /** Block: the column of the entries. Flow: the enclosing block collection's (lines must be deeper). */
  indent: number;
  /** The converter's depth: the root is 0. */
  depth: number;
  map: RawMap | null;
  list: unknown[] | null;
  /** The key whose value comes next (maps). */
  key: string;
  /** Block: a key or `-` waits for its value (null if none comes). */
  pending: boolean;
  /** A block sequence that is the value of a key at the same indentation (`key:\n- a`). */
  sameIndent: boolean;
  /** Flow: one of F_*. */
  state: number;
}

export class ValueTree {
  protected top: Frame | null = null;
  protected root: unknown = null;
  protected rootSet = false;
  /** Maps at depth ≤ 3 (what yaml-reader.ts gives a line) and the offset of their node.range[0]. */
  protected readonly mapStarts: Array<[RawMap, number]> = [];
  private readonly stack: Frame[] = [];
  private flowDepth = 0;

  /**
   * The block collection an entry (`-` or `key:`) at `column` belongs to. A new one opens where
   * §8.2 says: deeper than a pending key or `-`, or as a sequence at the indentation of the key it
   * is the value of (§8.2.1, `key:\n- item`). Anything else (a less-indented entry that matches no
   * open collection, an entry where a value already stands) is yaml's error to report.
   */
  protected enterBlock(column: number, kind: number, start: number): Frame {
    let top = this.top;
    while (
      top !== null &&
      (top.indent > column || (kind === BLOCK_MAP && top.sameIndent && top.indent === column))
    ) {
      this.pop();
      top = this.top;
    }
    if (top !== null && top.indent === column) {
      if (top.kind === kind) return top;
      if (kind === BLOCK_SEQ && top.kind === BLOCK_MAP && top.pending)
        return this.open(kind, column, start, true);
      unsupported();
    }
    if (top === null ? this.rootSet : !top.pending) unsupported();
    return this.open(kind, column, start, false);
  }

  /** `- ` at `column`. */
  protected seqEntry(column: number, start: number): void {
    const frame = this.enterBlock(column, BLOCK_SEQ, start);
    if (frame.pending) frame.list!.push(null);
    frame.pending = true;
  }

  /** `key:` with the key at `column`. */
  protected mapKey(column: number, start: number, key: string): void {
    const frame = this.enterBlock(column, BLOCK_MAP, start);
    if (frame.pending) frame.map![frame.key] = null;
    frame.key = key;
    frame.pending = true;
  }

  /** The value of the pending key or `-` (or of a flow entry) of the innermost collection. */
  protected setValue(value: unknown, frame: Frame = this.top!): void {
    if (frame.map !== null) frame.map[frame.key] = value;
    else frame.list!.push(value);
    frame.pending = false;
    frame.state = F_DONE;
  }

  protected closeAll(): void {
    while (this.top !== null) this.pop();
  }

  /** The indent the innermost block collection gives a block scalar (see blockString). */
  protected get blockIndent(): number {
    return this.top!.indent;
  }

  private open(kind: number, indent: number, start: number, sameIndent: boolean): Frame {
    const parent = this.top;
    const depth = parent === null ? 0 : parent.depth + 1;
    // The slow path cuts nodes deeper than MAX_DEPTH with a warning; leave that to it.
    if (depth >= FAST_MAX_DEPTH) unsupported();
    const isMap = kind === BLOCK_MAP || kind === FLOW_MAP;
    const map = isMap ? createRawMap() : null;
    const list = isMap ? null : ([] as unknown[]);
    if (parent === null) {
      this.root = map ?? list;
      this.rootSet = true;
    } else this.setValue(map ?? list, parent);
    if (map !== null && depth <= 3) this.mapStarts.push([map, start]);
    const frame: Frame = {
      kind,
      indent,
      depth,
      map,
      list,
      key: '',
      pending: false,
      sameIndent,
      state: F_START,
    };
    this.stack.push(frame);
    this.top = frame;
    return frame;
  }

  private pop(): void {
    const frame = this.stack.pop()!;
    if (frame.pending) {
      // `key:` or `-` with nothing after it: an empty node, null in the core schema.
      if (frame.map !== null) frame.map[frame.key] = null;
      else frame.list!.push(null);
    }
    this.top = this.stack.length > 0 ? this.stack[this.stack.length - 1]! : null;
  }

  // ---- flow collections: `[]`, `{}`, `[a, "b"]`, `{a: 1, "b": [x]}`, nested, over several lines ----

  protected get inFlow(): boolean {
    return this.top !== null && (this.top.kind === FLOW_MAP || this.top.kind === FLOW_SEQ);
  }

  /** `[` or `{`: as a block value (after `key:` / `- `), the root, or a flow entry's value. */
  protected openFlow(isMap: boolean, start: number): void {
    if (this.inFlow) this.flowValuePosition();
    // composeGuarded fails past MAX_FLOW_DEPTH levels; never get near it.
    if (++this.flowDepth > MAX_FLOW_DEPTH) unsupported();
    const indent = this.top === null ? -1 : this.top.indent;
    this.open(isMap ? FLOW_MAP : FLOW_SEQ, indent, start, false);
  }

  /** `]` or `}`; returns true when that closed the outermost flow collection. */
  protected closeFlow(isMap: boolean): boolean {
    const frame = this.top!;
    if ((frame.kind === FLOW_MAP) !== isMap || (frame.state !== F_START && frame.state !== F_DONE))
      unsupported();
    this.pop();
    this.flowDepth--;
    return !this.inFlow;
  }

  protected flowComma(): void {
    if (this.top!.state !== F_DONE) unsupported();
    this.top!.state = F_COMMA;
  }

  protected flowColon(): void {
    if (this.top!.kind !== FLOW_MAP || this.top!.state !== F_KEY) unsupported();
    this.top!.state = F_COLON;
  }

  /** A scalar inside a flow collection: a flow map's key, or an entry's value. */
  protected flowScalar(kind: number, source: string, multiLine: boolean): void {
    const frame = this.top!;
    if (frame.kind === FLOW_MAP && (frame.state === F_START || frame.state === F_COMMA)) {
      // Implicit keys are single-line (§7.4.2, yaml's MULTILINE_IMPLICIT_KEY).
      if (multiLine || source.length > MAX_IMPLICIT_KEY) unsupported();
      frame.key = keyString(kind, source);
      frame.state = F_KEY;
      return;
    }
    this.flowValuePosition();
    this.setValue(scalarValue(kind, source));
  }

  private flowValuePosition(): void {
    const { kind, state } = this.top!;
    const ok = kind === FLOW_MAP ? state === F_COLON : state === F_START || state === F_COMMA;
    if (!ok) unsupported();
  }
}
