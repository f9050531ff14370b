// The app's own read, bundled for the bench page: the same core the workers run, on one warm thread.
import { loadCassette } from '../../src/core/cassette';
import { analyzeCassette } from '../../src/core/analyze';
globalThis.__benchCore = { loadCassette, analyzeCassette };
