/**
 * Aligns the interactions of two cassettes: by method, URL path, order, and how alike the request
 * bodies are. A global alignment (Needleman–Wunsch) keeps the order of both recordings, so an
 * inserted retry or a dropped call shows as added or removed instead of shifting every later pair.
 * Hosts are compared loosely: the same test recorded against two providers should still align.
 */
import type { AnalyzedExchange } from '../model/analysis';

/** One aligned pair; a null side means added or removed. */
export interface AlignedPair {
  before: AnalyzedExchange | null;
  after: AnalyzedExchange | null;
}

/** Below this similarity two interactions are not the same call. */
const MATCH_THRESHOLD = 0.35;
/** The alignment is quadratic; above this many cells pairs are matched greedily in order. */
const MAX_DP_CELLS = 4_000_000;

export function alignExchanges(
  before: readonly AnalyzedExchange[],
  after: readonly AnalyzedExchange[],
): AlignedPair[] {
  const a = before.map(fingerprint);
  const b = after.map(fingerprint);
  if (a.length * b.length > MAX_DP_CELLS) return alignGreedy(before, after, a, b);
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const score = new Float64Array((n + 1) * width);
  const GAP = 0; // a gap costs nothing; a pair must earn its place with similarity above the threshold
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const sim = similarity(a[i - 1]!, b[j - 1]!);
      const diag = sim >= MATCH_THRESHOLD ? score[(i - 1) * width + j - 1]! + sim : -Infinity;
      score[i * width + j] = Math.max(
        diag,
        score[(i - 1) * width + j]! + GAP,
        score[i * width + j - 1]! + GAP,
      );
    }
  }
  const pairs: AlignedPair[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0) {
      const sim = similarity(a[i - 1]!, b[j - 1]!);
      if (sim >= MATCH_THRESHOLD && score[i * width + j] === score[(i - 1) * width + j - 1]! + sim) {
        pairs.push({ before: before[i - 1]!, after: after[j - 1]! });
        i--;
        j--;
        continue;
      }
    }
    if (i > 0 && (j === 0 || score[i * width + j] === score[(i - 1) * width + j])) {
      pairs.push({ before: before[i - 1]!, after: null });
      i--;
    } else {
      pairs.push({ before: null, after: after[j - 1]! });
      j--;
    }
  }
  return pairs.reverse();
}

interface Fingerprint {
  method: string;
  host: string;
  pathTail: string;
  words: Set<string>;
}

function fingerprint({ http, llm }: AnalyzedExchange): Fingerprint {
  let host = '';
  let path = http.request.url;
  try {
    const url = new URL(http.request.url);
    host = url.host;
    path = url.pathname;
  } catch {
    // Keep the raw URL: placeholders such as <OLLAMA_API_BASE> are not valid URLs.
  }
  const texts: string[] = [];
  for (const message of llm.request?.messages ?? []) {
    for (const part of message.parts) if (part.kind === 'text') texts.push(part.text);
  }
  const source = texts.length > 0 ? texts.join(' ') : (http.request.body?.text ?? '').slice(0, 20_000);
  const words = new Set(source.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []);
  // The last two path segments identify the API across gateways (/api/v1/chat/completions ≈ /v1/chat/completions).
  const pathTail = path.split('/').filter(Boolean).slice(-2).join('/');
  return { method: http.request.method, host, pathTail, words };
}

function similarity(a: Fingerprint, b: Fingerprint): number {
  if (a.method !== b.method) return 0;
  const path = a.pathTail === b.pathTail ? 1 : 0;
  const host = a.host === b.host ? 1 : 0;
  return 0.1 + 0.25 * path + 0.05 * host + 0.6 * jaccard(a.words, b.words);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

function alignGreedy(
  before: readonly AnalyzedExchange[],
  after: readonly AnalyzedExchange[],
  a: Fingerprint[],
  b: Fingerprint[],
): AlignedPair[] {
  const pairs: AlignedPair[] = [];
  let j = 0;
  for (let i = 0; i < before.length; i++) {
    const window = Math.min(b.length, j + 20);
    let found = -1;
    for (let k = j; k < window; k++) {
      if (similarity(a[i]!, b[k]!) >= MATCH_THRESHOLD) {
        found = k;
        break;
      }
    }
    if (found < 0) {
      pairs.push({ before: before[i]!, after: null });
      continue;
    }
    for (; j < found; j++) pairs.push({ before: null, after: after[j]! });
    pairs.push({ before: before[i]!, after: after[found]! });
    j = found + 1;
  }
  for (; j < after.length; j++) pairs.push({ before: null, after: after[j]! });
  return pairs;
}
