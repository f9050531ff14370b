/**
 * Cuts a cassette file down to chosen interactions, in its own format, so a share link can carry
 * only what matters. YAML files are cut by source ranges (the `yaml` CST keeps each item's offsets),
 * so everything kept stays byte for byte as recorded; JSON files (HAR, vcrpy JSON) are filtered and
 * printed again with their own indentation.
 */
import { isMap, isSeq, parseDocument } from 'yaml';
import type { Node as YamlNode } from 'yaml';

/** The top-level lists of interactions in each format family. */
const LIST_PATHS: readonly (readonly string[])[] = [
  ['interactions'],
  ['http_interactions'],
  ['log', 'entries'],
];

/** Keeps only the interactions at `indices` (positions from 0, as in the cassette). */
export function selectInteractions(text: string, indices: readonly number[]): string {
  const keep = new Set(indices);
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const json = trySelectJson(text, keep);
    if (json !== null) return json;
  }
  return selectYaml(text, keep);
}

function trySelectJson(text: string, keep: ReadonlySet<number>): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  for (const path of LIST_PATHS) {
    let parent: unknown = value;
    for (const key of path.slice(0, -1)) parent = isRecord(parent) ? parent[key] : undefined;
    const last = path[path.length - 1]!;
    if (isRecord(parent) && Array.isArray(parent[last])) {
      parent[last] = (parent[last] as unknown[]).filter((_item, i) => keep.has(i));
      const indent = /\n( +)"/.exec(text)?.[1]?.length ?? 2;
      return JSON.stringify(value, null, indent) + (text.endsWith('\n') ? '\n' : '');
    }
  }
  throw new Error('No list of interactions found in this JSON cassette.');
}

function selectYaml(text: string, keep: ReadonlySet<number>): string {
  const doc = parseDocument(text, { uniqueKeys: false });
  let list: YamlNode | null = null;
  for (const path of LIST_PATHS) {
    const node = doc.getIn(path, true);
    if (isSeq(node)) {
      list = node;
      break;
    }
  }
  if (!list || !isSeq(list)) {
    if (isSeq(doc.contents)) list = doc.contents;
    else throw new Error('No list of interactions found in this cassette.');
  }
  const items = list.items.filter((item): item is YamlNode => isMap(item) && Array.isArray(item.range));
  if (items.length !== list.items.length || items.length === 0 || list.flow) {
    // A flow sequence or items without source ranges: rebuild the list from the document.
    list.items = list.items.filter((_item, i) => keep.has(i));
    return doc.toString({ lineWidth: 0 });
  }
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  const starts = items.map((item) => lineStart(item.range![0]));
  const end = items[items.length - 1]!.range![2];
  let out = text.slice(0, starts[0]);
  items.forEach((_item, i) => {
    if (keep.has(i)) out += text.slice(starts[i], i + 1 < items.length ? starts[i + 1] : end);
  });
  return out + text.slice(end);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
