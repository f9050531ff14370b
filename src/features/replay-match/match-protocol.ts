/** Messages between the "Would it replay?" view and its worker (match-worker.ts). */
import type { MatchOptions, MatchReport } from '../../core/match';
import type { HttpRequest } from '../../core/model/http';

/** The new requests: another open file's requests, or pasted text parsed in the worker. */
export type MatchIncoming = { kind: 'requests'; requests: HttpRequest[] } | { kind: 'text'; text: string };

export interface MatchWorkerRequest {
  recorded: HttpRequest[];
  incoming: MatchIncoming;
  profile: string;
  options: MatchOptions;
}

/** The new side as read: what it was and the request line of each request. */
export interface IncomingBrief {
  kind: 'cassette' | 'curl' | 'raw-http';
  notes: string[];
  requests: Array<{ method: string; url: string }>;
}

export type MatchWorkerResponse =
  { kind: 'report'; report: MatchReport; incoming: IncomingBrief } | { kind: 'error'; message: string };
