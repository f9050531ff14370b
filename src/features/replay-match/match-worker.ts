/**
 * Runs request matching off the page's thread: pasted text (a curl command, a raw request or a
 * cassette) is parsed here, and the N × M comparison of bodies may be heavy on large files.
 */
import { readIncomingText, simulateReplay, type IncomingRequests } from '../../core/match';
import type { MatchWorkerRequest, MatchWorkerResponse } from './match-protocol';

function answer(request: MatchWorkerRequest): MatchWorkerResponse {
  try {
    const incoming: IncomingRequests =
      request.incoming.kind === 'text'
        ? readIncomingText(request.incoming.text, 'pasted text')
        : { kind: 'cassette', requests: request.incoming.requests, notes: [] };
    const report = simulateReplay(request.recorded, incoming.requests, request.profile, request.options);
    return {
      kind: 'report',
      report,
      incoming: {
        kind: incoming.kind,
        notes: incoming.notes,
        requests: incoming.requests.map(({ method, url }) => ({ method, url })),
      },
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      kind: 'error',
      message:
        request.incoming.kind === 'text'
          ? `The pasted text is not a curl command, a raw HTTP request or a cassette: ${message}`
          : message,
    };
  }
}

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<MatchWorkerRequest>) => {
  scope.postMessage(answer(event.data));
};
