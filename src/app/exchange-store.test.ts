import { describe, expect, it, vi } from 'vitest';
import type { AnalyzedExchange } from '../core/model/analysis';
import { answerQuery, type ExchangeQuery } from '../workers/exchange-transfer';
import { ExchangeStore, type QueryPort } from './exchange-store';

/** Exchanges told apart by their index; the store only moves them around. */
const held = Array.from(
  { length: 20 },
  (_, index) => ({ http: { index }, llm: { stream: null, deltas: [] } }) as unknown as AnalyzedExchange,
);

/** A port that answers like a load worker, after a tick. */
function fakePort() {
  const queries: ExchangeQuery[] = [];
  let store: ExchangeStore | null = null;
  const port: QueryPort & { terminated: boolean } = {
    terminated: false,
    postMessage(query) {
      if (query.kind === 'search') {
        // Like the worker's index: the calls whose number holds the query's text.
        const matches = held.flatMap((_, index) => (String(index).includes(query.query) ? [index] : []));
        const { requestId } = query;
        const answer = { kind: 'search-result' as const, requestId, query: query.query, matches };
        setTimeout(() => store?.receive(answer), 0);
        return;
      }
      queries.push(query);
      setTimeout(() => answerQuery(held, query, (answer) => store?.receive(answer)), 0);
    },
    terminate() {
      port.terminated = true;
    },
  };
  store = new ExchangeStore(port, held.length);
  return { store, port, queries };
}

describe('ExchangeStore', () => {
  it('asks the worker once per exchange and keeps the answer', async () => {
    const { store, queries } = fakePort();
    expect(store.peek(3)).toBeUndefined();
    const [a, b] = await Promise.all([store.get(3), store.get(3)]);
    expect(a).toBe(held[3]);
    expect(b).toBe(a);
    expect(queries).toHaveLength(1);
    expect(store.peek(3)).toBe(held[3]);
    await store.get(3);
    expect(queries).toHaveLength(1);
  });

  it('keeps only the most recently used few', async () => {
    const { store } = fakePort();
    for (let i = 0; i < 12; i++) await store.get(i);
    expect(store.peek(0)).toBeUndefined();
    expect(store.peek(11)).toBe(held[11]);
  });

  it('gives all exchanges in order', async () => {
    const { store } = fakePort();
    expect(await store.all()).toEqual(held);
  });

  it('fails what is asked after close and ends the worker', async () => {
    const { store, port } = fakePort();
    const pending = store.get(1);
    store.close();
    await expect(pending).rejects.toThrow(/closed/);
    await expect(store.get(2)).rejects.toThrow(/closed/);
    expect(port.terminated).toBe(true);
  });

  it('fails pending queries when the worker dies', async () => {
    const port = { postMessage: vi.fn(), terminate: vi.fn() };
    const store = new ExchangeStore(port, 3);
    const pending = store.get(0);
    const searching = store.search('1');
    store.fail('The loader stopped');
    await expect(pending).rejects.toThrow('The loader stopped');
    await expect(searching).rejects.toThrow('The loader stopped');
  });

  it('asks the worker which calls match a search, each answer to its own question', async () => {
    const { store, queries } = fakePort();
    const [ones, sevens] = await Promise.all([store.search('1'), store.search('7')]);
    expect(ones).toEqual([1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(sevens).toEqual([7, 17]);
    expect(queries).toHaveLength(0);
    const searching = store.search('2');
    store.close();
    await expect(searching).rejects.toThrow(/closed/);
  });

  it('passes a failed search on', async () => {
    const port = { postMessage: vi.fn(), terminate: vi.fn() };
    const store = new ExchangeStore(port, 3);
    const searching = store.search('x');
    const { requestId } = port.postMessage.mock.calls[0]![0] as { requestId: number };
    store.receive({ kind: 'exchange-error', requestId, message: 'index failed' });
    await expect(searching).rejects.toThrow('index failed');
  });
});
