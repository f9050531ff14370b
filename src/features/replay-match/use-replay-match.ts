/**
 * Runs a match whenever its inputs change: the recorded file's requests (fetched once from its
 * load worker), the new side (another open file's requests, or pasted text) and the matcher
 * choice. Matching itself runs in a worker; a newer run wins over a slower earlier one.
 */
import { useEffect, useRef, useState } from 'react';
import type { MatchOptions, MatchReport } from '../../core/match';
import type { HttpRequest } from '../../core/model/http';
import { matchInWorker } from './match-client';
import type { IncomingBrief, MatchIncoming } from './match-protocol';

/** Where the new requests come from. */
export type MatchInput =
  { kind: 'file'; id: string; load: () => Promise<HttpRequest[]> } | { kind: 'text'; text: string };

export type MatchState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'failed'; message: string }
  | { status: 'done'; report: MatchReport; incoming: IncomingBrief; recorded: HttpRequest[] };

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useReplayMatch(
  loadRecorded: () => Promise<HttpRequest[]>,
  input: MatchInput | null,
  profile: string,
  options: MatchOptions,
): MatchState {
  const [state, setState] = useState<MatchState>({ status: 'idle' });
  const recordedRef = useRef<Promise<HttpRequest[]> | null>(null);
  const incomingRef = useRef(new Map<string, Promise<HttpRequest[]>>());
  const allowRepeats = options.allowRepeats === true;

  useEffect(() => {
    if (!input) {
      setState({ status: 'idle' });
      return;
    }
    let current = true;
    setState({ status: 'running' });
    recordedRef.current ??= loadRecorded();
    const recordedPromise = recordedRef.current;
    const incomingPromise: Promise<MatchIncoming> =
      input.kind === 'text'
        ? Promise.resolve({ kind: 'text', text: input.text })
        : (() => {
            let requests = incomingRef.current.get(input.id);
            if (!requests) {
              requests = input.load();
              incomingRef.current.set(input.id, requests);
            }
            return requests.then((list): MatchIncoming => ({ kind: 'requests', requests: list }));
          })();
    Promise.all([recordedPromise, incomingPromise])
      .then(async ([recorded, incoming]) => {
        const response = await matchInWorker({ recorded, incoming, profile, options: { allowRepeats } });
        if (!current) return;
        if (response.kind === 'error') setState({ status: 'failed', message: response.message });
        else setState({ status: 'done', report: response.report, incoming: response.incoming, recorded });
      })
      .catch((error: unknown) => {
        if (input.kind === 'file') incomingRef.current.delete(input.id);
        if (current) setState({ status: 'failed', message: describe(error) });
      });
    return () => {
      current = false;
    };
  }, [input, profile, allowRepeats, loadRecorded]);

  return state;
}
