/**
 * What a worker keeps of each exchange once a file has loaded (issues 9 and 15, memory): its HTTP
 * exchange only, as the cassette reader made it. The LLM reading of it (adapter: messages, stream
 * events with their parsed JSON, deltas) is a pure function of the HTTP exchange
 * (core/load/overview-builder `readInteraction` is `{ http, llm: readExchange(http) }`), and
 * nothing after the load reads the kept one: the summaries, the thread and the doctor's findings
 * are made before it is kept. So an answer to the page reads it again, one exchange at a time
 * (a few ms each on the bench file). On the bench file (4,000 interactions, 43 MB) that keeps 98
 * MB of JS heap instead of 172 MB in Node; the stream events alone (each event's text beside the
 * body it was cut from) were 53 MB.
 */
import type { AnalyzedExchange } from '../core/model/analysis';
import type { HttpExchange } from '../core/model/http';
import { readExchange } from '../core/providers';

/** What is kept of one exchange. */
export type HeldExchange = HttpExchange;

/** The part of a read exchange a worker keeps: its HTTP exchange, its short texts its own. */
export function hold(exchange: AnalyzedExchange): HeldExchange {
  return ownStrings(exchange.http);
}

/**
 * Strings this short are never views into a longer one: V8 copies substrings under 13 characters
 * (SlicedString::kMinLength) and joins strings that short eagerly (ConsString::kMinLength).
 */
const SHORTEST_VIEW = 13;

/**
 * Longer strings are kept as they are. A view keeps all of the text it was cut from, so what a
 * view wastes is that text less its own length: for a URL or a header value nearly all of the
 * interaction's text, for a body of several kilobytes (most of its interaction's text, or already
 * a string of its own, as a streamed body cut by the line reader is) little, and copying them is
 * not free: with the bench file's 36 MB of streamed bodies copied too, the status took 1.12× as
 * long (median of 8 alternating loads; 1.035× copying only these).
 */
const LONGEST_COPY = 4096;

/**
 * The value with its short strings copied into memory of their own. The reader cuts an exchange's
 * strings out of its interaction's decoded text (the URL, header values, the request body), and
 * in V8 such a cut is a view that keeps all of that text for as long as the file is open: on the
 * bench file 43 MB, outside the JS heap in Chromium (a TextDecoder's output is an external string
 * there), beside the exchanges themselves. `s + ' '` joins lazily; slicing the join copies both
 * parts into one new string first, so the result keeps only its own characters and one more.
 * Plain objects and arrays are copied; anything else (bytes) is kept as it is.
 *
 * The copy is a keyed loop over Object.keys (the same own enumerable string keys, in the same
 * order, as Object.entries): building each object through entries, map and fromEntries made two
 * arrays per object and cost 119 ms of a 2.7 s profiled load of the bench file (issue 15).
 */
function ownStrings<T>(value: T): T {
  if (typeof value === 'string')
    return (
      value.length < SHORTEST_VIEW || value.length > LONGEST_COPY ? value : `${value} `.slice(0, -1)
    ) as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(ownStrings) as T;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return value;
  const source = value as Record<string, unknown>;
  const copy: Record<string, unknown> = prototype === null ? Object.create(null) : {};
  for (const key of Object.keys(source)) {
    const inner = ownStrings(source[key]);
    // An assignment to `__proto__` would set the prototype (ECMA-262 B.2.2.1); define it as a key.
    if (key === '__proto__')
      Object.defineProperty(copy, key, {
        value: inner,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else copy[key] = inner;
  }
  return copy as T;
}

/** The kept exchange as it was read (for an answer to the page or the search index). */
export function asRead(held: HeldExchange): AnalyzedExchange {
  return { http: held, llm: readExchange(held) };
}
