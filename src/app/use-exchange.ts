/**
 * The full exchange a view needs (Raw, Replay), asked of the file's load worker (exchange-store.ts).
 * It is there at once when the store still keeps it; otherwise the view waits a moment.
 */
import { useEffect, useState } from 'react';
import type { AnalyzedExchange } from '../core/model/analysis';
import type { ExchangeStore } from './exchange-store';

export type ExchangeState =
  | { status: 'loading' }
  | { status: 'ready'; exchange: AnalyzedExchange }
  | { status: 'failed'; message: string };

export function useExchange(store: ExchangeStore | null, index: number | null): ExchangeState {
  const [answer, setAnswer] = useState<{
    store: ExchangeStore | null;
    index: number | null;
    state: ExchangeState;
  } | null>(null);
  useEffect(() => {
    if (!store || index === null || store.peek(index)) return;
    let current = true;
    store.get(index).then(
      (exchange) => current && setAnswer({ store, index, state: { status: 'ready', exchange } }),
      (error: unknown) =>
        current &&
        setAnswer({
          store,
          index,
          state: { status: 'failed', message: error instanceof Error ? error.message : String(error) },
        }),
    );
    return () => {
      current = false;
    };
  }, [store, index]);
  if (!store || index === null) return { status: 'failed', message: 'This file is not loaded.' };
  const kept = store.peek(index);
  if (kept) return { status: 'ready', exchange: kept };
  if (answer && answer.store === store && answer.index === index) return answer.state;
  return { status: 'loading' };
}
