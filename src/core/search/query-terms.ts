/**
 * What the search box's text means (issue 17, "Search across everything"): whitespace-separated
 * terms, each of which a call must hold somewhere (AND), case-insensitive; a double-quoted part is
 * one term with its spaces ("rate limit"). The row filter (search-index.ts) and the highlights in
 * the conversation use the same terms, so what is highlighted is what made the row match.
 */

/** The lower-case terms of a query, in order, without repeats. */
export function parseQuery(query: string): string[] {
  const terms: string[] = [];
  // A quoted phrase (its closing quote optional while the user is still typing) or a bare word.
  for (const match of query.matchAll(/"([^"]*)"?|(\S+)/g)) {
    const term = (match[1] ?? match[2] ?? '').trim().toLowerCase();
    if (term && !terms.includes(term)) terms.push(term);
  }
  return terms;
}

const SPECIAL = /[.*+?^${}()|[\]\\]/g;

/**
 * One global, case-insensitive pattern for any of the terms, longest first so a longer term wins
 * where two overlap at the same place. Null for no terms. The `u` flag matches by code point, so a
 * term never splits a surrogate pair.
 */
export function termPattern(terms: readonly string[]): RegExp | null {
  if (terms.length === 0) return null;
  const alternatives = [...terms]
    .sort((a, b) => b.length - a.length)
    .map((term) => term.replace(SPECIAL, '\\$&'));
  return new RegExp(alternatives.join('|'), 'giu');
}

/** Where the pattern occurs in `text`: [start, end) pairs, in order, never overlapping. */
export function matchRanges(text: string, pattern: RegExp | null): Array<[number, number]> {
  if (!pattern || text === '') return [];
  const ranges: Array<[number, number]> = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}

/** How many times the pattern occurs in `text` (as matchRanges counts them). */
export function countMatches(text: string, pattern: RegExp | null): number {
  if (!pattern || text === '') return 0;
  pattern.lastIndex = 0;
  let count = 0;
  while (pattern.exec(text)) count += 1;
  return count;
}
