/**
 * Detection with a `floor` (ApiAdapter.detect) and a hint (detectAdapter) only saves work: over
 * every exchange of the corpus, each adapter's answer with a floor is its full score or a 0 that
 * was below the floor anyway, and detectAdapter picks the same adapter whichever one it asks first
 * as the plain list-order search without floors.
 */
import { describe, expect, it } from 'vitest';
import { loadCassette } from '../cassette';
import type { HttpExchange } from '../model/http';
import { listCorpusFiles, readCorpusBytes } from '../../../tests/support/corpus-fixtures';
import { isPendingCorpusFile } from '../../../tests/support/corpus-pending';
import { adapters, detectAdapter, fallbackAdapter, type ApiAdapter } from './index';
import { urlPath } from './shared/http';
import { jsonExchange } from '../../../tests/support/exchange-builders';

function fullScore(adapter: ApiAdapter, exchange: HttpExchange): number {
  try {
    const score = adapter.detect(exchange);
    return Number.isFinite(score) && score > 0 ? score : 0;
  } catch {
    return 0;
  }
}

/** Every adapter asked in list order, no floor: the highest score, the earliest on ties. */
function plainSearch(exchange: HttpExchange): ApiAdapter {
  let best: ApiAdapter = fallbackAdapter;
  let bestScore = 0;
  for (const adapter of adapters) {
    const score = fullScore(adapter, exchange);
    if (score > bestScore) {
      best = adapter;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Every corpus exchange, and each again behind a gateway whose URL says nothing (so the adapters'
 * body checks, which the floor skips, decide) and behind one that keeps only the path.
 */
function corpusExchanges(): HttpExchange[] {
  const exchanges: HttpExchange[] = [];
  for (const path of listCorpusFiles()) {
    if (isPendingCorpusFile(path)) continue;
    for (const exchange of loadCassette(readCorpusBytes(path), path).exchanges) {
      const pathname = urlPath(exchange.request.url);
      const behind = (url: string): HttpExchange => ({ ...exchange, request: { ...exchange.request, url } });
      exchanges.push(
        exchange,
        behind('https://gateway.example/proxy'),
        behind(`https://gateway.example${pathname}`),
      );
    }
  }
  return [...exchanges, ...bodyShapes()];
}

/** Bodies whose shape alone names their API, behind a gateway (for APIs the corpus has none of). */
function bodyShapes(): HttpExchange[] {
  const at = 'https://gateway.example/proxy';
  return [
    jsonExchange(
      at,
      { model: 'text-embedding-3-small', input: 'hi' },
      '{"object": "list", "data": [{"object": "embedding", "index": 0, "embedding": [0.1]}]}',
    ),
    jsonExchange(at, { model: 'm', input: ['a'] }, '{"data": [{"object": "embedding", "embedding": [0.1]}]}'),
    jsonExchange(
      at,
      { model: 'gpt-3.5-turbo-instruct', prompt: 'Say hi' },
      '{"object": "text_completion", "choices": [{"text": "hi"}]}',
    ),
    jsonExchange(
      at,
      { model: 'llama3', messages: [] },
      '{"model":"llama3","created_at":"2024-01-01T00:00:00Z","message":{"role":"assistant","content":"hi"},"done":true}',
    ),
    jsonExchange(at, { messages: [{ speaker: 'human', text: 'hi' }] }, '{"completion": "hi"}'),
    jsonExchange(
      at,
      { model: 'command-r', messages: [] },
      'event: message-start\ndata: {"type":"message-start"}\n\nevent: tool-plan-delta\ndata: {"type":"tool-plan-delta","delta":{"message":{"tool_plan":"x"}}}\n\n',
      { mimeType: 'text/event-stream' },
    ),
    jsonExchange(
      at,
      { model: 'claude', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] },
      '{"type": "message", "content": [{"type": "text", "text": "hi"}]}',
    ),
  ];
}

/** Every score an adapter gives, and a little above and below each. */
const FLOORS = [0.001, 0.3, 0.45, 0.5, 0.55, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.96, 0.97, 1];

describe('adapter detection with a floor and a hint', () => {
  const exchanges = corpusExchanges();

  it('answers each adapter with its full score, or 0 where that score is below the floor', () => {
    let pruned = 0;
    for (const exchange of exchanges) {
      for (const adapter of adapters) {
        const full = fullScore(adapter, exchange);
        for (const floor of FLOORS) {
          let answer: number;
          try {
            answer = adapter.detect(exchange, floor);
          } catch {
            answer = 0;
          }
          if (answer === full) continue;
          pruned++;
          if (answer !== 0 || full >= floor)
            expect.fail(
              `${adapter.id} on ${exchange.request.url}: ${answer} with floor ${floor}, full ${full}`,
            );
        }
      }
    }
    // The floor does skip work on the corpus (else this test would prove nothing).
    expect(pruned).toBeGreaterThan(exchanges.length);
  });

  it('picks the adapter the plain search picks, whichever adapter it asks first', () => {
    expect(exchanges.length).toBeGreaterThan(900);
    const chosen = new Set<string>();
    for (const exchange of exchanges) {
      const expected = plainSearch(exchange);
      chosen.add(expected.id);
      for (const hint of [null, ...adapters]) {
        const got = detectAdapter(exchange, adapters, hint);
        if (got !== expected)
          expect.fail(
            `${exchange.request.url} (hint ${hint?.id ?? 'none'}): ${got.id}, expected ${expected.id}`,
          );
      }
    }
    // Most of the registry is exercised.
    expect(chosen.size).toBeGreaterThan(adapters.length / 2);
  });
});
