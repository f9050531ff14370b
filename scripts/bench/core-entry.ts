// What the Node benchmark runs of the app: the same core the worker and the CLI use.
export { loadCassette } from '../../src/core/cassette';
export { analyzeCassette } from '../../src/core/analyze';
