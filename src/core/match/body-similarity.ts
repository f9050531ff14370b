/**
 * How alike two bodies are, from 0 to 1, to rank the nearest recorded interactions when no
 * matcher tells them apart: the share of equal JSON leaves (by path) when both are JSON, else
 * the share of the longer text covered by the common prefix and suffix. Bounded work per pair.
 */
import { jsonPathMember, parseJsonBody } from './json-difference';

const MAX_LEAVES = 4000;

function leaves(value: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const stack: Array<[string, unknown]> = [['$', value]];
  while (stack.length > 0 && out.size < MAX_LEAVES) {
    const [path, item] = stack.pop()!;
    if (Array.isArray(item)) item.forEach((child, index) => stack.push([`${path}[${index}]`, child]));
    else if (typeof item === 'object' && item !== null)
      for (const [key, child] of Object.entries(item)) stack.push([jsonPathMember(path, key), child]);
    else out.set(path, JSON.stringify(item) ?? '');
  }
  return out;
}

export function bodySimilarity(recorded: string, incoming: string): number {
  if (recorded === incoming) return 1;
  const a = parseJsonBody(recorded);
  const b = parseJsonBody(incoming);
  if (a && b) {
    const left = leaves(a.value);
    const right = leaves(b.value);
    let equal = 0;
    for (const [path, text] of left) if (right.get(path) === text) equal++;
    const union = left.size + right.size - equal;
    return union === 0 ? 1 : equal / union;
  }
  const longest = Math.max(recorded.length, incoming.length);
  if (longest === 0) return 1;
  let prefix = 0;
  while (prefix < recorded.length && prefix < incoming.length && recorded[prefix] === incoming[prefix])
    prefix++;
  let suffix = 0;
  while (
    suffix < recorded.length - prefix &&
    suffix < incoming.length - prefix &&
    recorded[recorded.length - 1 - suffix] === incoming[incoming.length - 1 - suffix]
  )
    suffix++;
  return (prefix + suffix) / longest;
}
