/**
 * Spread on an element whose text the search highlights (issue 17). search-hits.ts lists the
 * same texts in the same order for each row, so counted and highlighted matches agree.
 */
export const SEARCHABLE = { 'data-search': '' } as const;
