// What `scripts/bench-search.mjs` runs of the app: the load, the search fields and the text index
// the load worker builds (workers/search-runner.ts), and the query parser.
export { loadCassette } from '../../src/core/cassette';
export { analyzeCassette } from '../../src/core/analyze';
export { searchFieldsOf } from '../../src/core/search/exchange-search-fields';
export { SearchIndex } from '../../src/core/search/search-index';
export { parseQuery } from '../../src/core/search/query-terms';
