/**
 * Builds the Raw view's masked copies off the page's thread and out of its bundle: the share
 * masking brings gitleaks' rules and the YAML reader with it (core/share), which the page itself
 * does not need. One request, one answer; copy-client.ts ends the worker after it.
 */
import type { HttpExchange } from '../../core/model/http';
import { exchangeCopies, type ExchangeCopies } from '../../core/share/exchange-copies';

export interface CopyWorkerRequest {
  exchange: HttpExchange;
  masked: boolean;
}

export type CopyWorkerResponse =
  { kind: 'copies'; copies: ExchangeCopies } | { kind: 'error'; message: string };

self.onmessage = (event: MessageEvent<CopyWorkerRequest>) => {
  let response: CopyWorkerResponse;
  try {
    response = { kind: 'copies', copies: exchangeCopies(event.data.exchange, { masked: event.data.masked }) };
  } catch (error) {
    response = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response);
};
