/**
 * The text index of one cassette (issue 17): which interactions hold every term of a query. Built
 * in the worker that holds the full exchanges (workers/search-runner.ts), one interaction at a
 * time, so it can be built after the load, in slices, without touching the load's own time.
 *
 * Chat APIs are stateless: request N+1 resends the whole history of request N, so a 100-call
 * agent run holds the same message texts up to 100 times. Each distinct text is stored once
 * (lower-cased) and each interaction keeps the numbers of its texts; a query then scans every
 * distinct text once per term and looks the interactions up by number. Substring search
 * (String.prototype.includes) rather than a word index: error codes (`tool_use_failed`), URL
 * pieces and JSON fragments are not words.
 */

export class SearchIndex {
  /** Distinct texts, lower-cased, by number. */
  private readonly texts: string[] = [];
  /** Text (as given) → its number. */
  private readonly numbers = new Map<string, number>();
  /** Interaction index → the numbers of its texts. */
  private readonly docs: Array<Uint32Array | undefined> = [];
  private added = 0;

  /** Interactions added so far. */
  get size(): number {
    return this.added;
  }

  /** Distinct texts stored (for tests and the bench). */
  get distinctTexts(): number {
    return this.texts.length;
  }

  /** Adds interaction `index` with its texts (core/search/exchange-search-fields.ts). */
  add(index: number, fields: readonly string[]): void {
    const ids = new Uint32Array(fields.length);
    fields.forEach((field, position) => {
      let id = this.numbers.get(field);
      if (id === undefined) {
        id = this.texts.length;
        this.texts.push(field.toLowerCase());
        this.numbers.set(field, id);
      }
      ids[position] = id;
    });
    if (this.docs[index] === undefined) this.added += 1;
    this.docs[index] = ids;
  }

  /**
   * The interactions, in file order, that hold every term (lower-case, core/search/query-terms.ts
   * `parseQuery`) in some text of theirs. No terms: every interaction added.
   */
  search(terms: readonly string[]): number[] {
    const found: number[] = [];
    if (terms.length === 0) {
      this.docs.forEach((doc, index) => doc && found.push(index));
      return found;
    }
    const hits = terms.map((term) => {
      const hit = new Uint8Array(this.texts.length);
      this.texts.forEach((text, id) => {
        if (text.includes(term)) hit[id] = 1;
      });
      return hit;
    });
    this.docs.forEach((doc, index) => {
      if (doc && hits.every((hit) => doc.some((id) => hit[id] === 1))) found.push(index);
    });
    return found;
  }
}
