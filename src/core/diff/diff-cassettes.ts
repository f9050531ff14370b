/**
 * Compares two recordings of the same test and gives each aligned interaction two verdicts: what
 * happened to the response (identical, wording only, behaviour changed, added or removed) and
 * whether the request changed. Each verdict has its own reasons, so a reason never contradicts
 * the verdict beside it. "Wording only" means the same status, tool calls, finish reason and
 * output shape, and texts that still say the same thing (core/diff/text-similarity.ts, documented
 * in docs/compare-verdicts.md); an unrelated answer is a behaviour change. `behaviourChanged` is
 * what CI gates a re-record on (`cassette-viewer diff A B` exits non-zero). The page's Compare and
 * the CLI both call this one function.
 */
import { diffLines, diffWords } from 'diff';
import type { AnalyzedCassette, AnalyzedExchange } from '../model/analysis';
import type { CassetteDiff, DiffVerdict, ExchangeDiff, TextChange } from '../model/diff';
import { alignExchanges } from './align-exchanges';
import { exchangeDiffFacts, type ExchangeDiffFacts } from './exchange-diff-facts';
import { SAME_MEANING_THRESHOLD, textSimilarity } from './text-similarity';

export function diffCassettes(before: AnalyzedCassette, after: AnalyzedCassette): CassetteDiff {
  const exchanges = alignExchanges(before.exchanges, after.exchanges).map(({ before: a, after: b }) =>
    diffPair(a, b),
  );
  const counts: Record<DiffVerdict, number> = {
    identical: 0,
    'wording-only': 0,
    'behaviour-changed': 0,
    added: 0,
    removed: 0,
  };
  for (const row of exchanges) counts[row.verdict]++;
  return {
    beforeName: before.cassette.fileName,
    afterName: after.cassette.fileName,
    exchanges,
    counts,
    requestsChanged: exchanges.filter((row) => row.requestChanged).length,
    behaviourChanged: counts['behaviour-changed'] + counts.added + counts.removed > 0,
  };
}

const change = (what: string, a: string | number | null, b: string | number | null) =>
  `${what} ${a === null || a === '' ? '—' : a} → ${b === null || b === '' ? '—' : b}`;

/** The response's verdict and its reasons; the request is not looked at. */
function judgeResponse(
  a: ExchangeDiffFacts,
  b: ExchangeDiffFacts,
): { verdict: DiffVerdict; reasons: string[]; similarity: number } {
  const reasons: string[] = [];
  if (a.status !== b.status) reasons.push(change('status', a.status, b.status));
  if ((a.errorMessage === null) !== (b.errorMessage === null))
    reasons.push(b.errorMessage ? `now fails: ${b.errorMessage}` : 'no longer fails');
  const callsA = a.toolCalls.map((c) => `${c.name}(${c.arguments})`).join(', ');
  const callsB = b.toolCalls.map((c) => `${c.name}(${c.arguments})`).join(', ');
  if (callsA !== callsB) reasons.push(`tool calls ${callsA || 'none'} → ${callsB || 'none'}`);
  if (a.finishReason !== b.finishReason)
    reasons.push(change('finish reason', a.finishReason, b.finishReason));
  if (a.shape !== b.shape) reasons.push(`output shape ${a.shape || 'empty'} → ${b.shape || 'empty'}`);
  const similarity = textSimilarity(a.text, b.text);
  const score = similarity.toFixed(2);
  const textChanged = a.text !== b.text;
  const reworded = textChanged && similarity >= SAME_MEANING_THRESHOLD;
  if (textChanged && !reworded)
    reasons.push(`the answer says something else (text similarity ${score} < ${SAME_MEANING_THRESHOLD})`);
  if (reasons.length > 0) {
    if (reworded) reasons.push(`the text was reworded too (similarity ${score})`);
    return { verdict: 'behaviour-changed', reasons, similarity };
  }
  if (reworded)
    return {
      verdict: 'wording-only',
      reasons: [
        `the text was reworded and still says the same (similarity ${score} ≥ ${SAME_MEANING_THRESHOLD})`,
      ],
      similarity,
    };
  if (a.reasoning !== b.reasoning)
    return { verdict: 'wording-only', reasons: ['only the reasoning changed'], similarity };
  return { verdict: 'identical', reasons: [], similarity };
}

/** What differs in the request: where it went, the model, the messages, the tools offered. */
function requestReasons(a: ExchangeDiffFacts, b: ExchangeDiffFacts): string[] {
  const reasons: string[] = [];
  if (a.endpoint.method !== b.endpoint.method)
    reasons.push(change('method', a.endpoint.method, b.endpoint.method));
  if (a.endpoint.host !== b.endpoint.host) reasons.push(change('host', a.endpoint.host, b.endpoint.host));
  if (a.endpoint.path !== b.endpoint.path) reasons.push(change('path', a.endpoint.path, b.endpoint.path));
  if (a.model !== b.model) reasons.push(change('model', a.model, b.model));
  if (a.toolNames !== b.toolNames) reasons.push(change('tools offered', a.toolNames, b.toolNames));
  if (a.params !== b.params) reasons.push('the parameters changed');
  if (a.messageLines !== b.messageLines) reasons.push('the messages changed');
  return reasons;
}

function diffPair(a: AnalyzedExchange | null, b: AnalyzedExchange | null): ExchangeDiff {
  const sa = a ? exchangeDiffFacts(a) : null;
  const sb = b ? exchangeDiffFacts(b) : null;
  let verdict: DiffVerdict;
  let reasons: string[];
  let request: string[] = [];
  let similarity: number | null = null;
  if (!sa) {
    verdict = 'added';
    reasons = ['only in the new recording'];
  } else if (!sb) {
    verdict = 'removed';
    reasons = ['only in the old recording'];
  } else {
    const judged = judgeResponse(sa, sb);
    verdict = judged.verdict;
    reasons = judged.reasons;
    similarity = judged.similarity;
    request = requestReasons(sa, sb);
  }
  return {
    before: a?.http.index ?? null,
    after: b?.http.index ?? null,
    verdict,
    reasons,
    requestChanged: request.length > 0,
    requestReasons: request,
    textSimilarity: similarity,
    label: (sb ?? sa)!.label,
    endpoint: { before: sa?.endpoint ?? null, after: sb?.endpoint ?? null },
    status: { before: sa?.status ?? null, after: sb?.status ?? null },
    text: sa?.text === sb?.text ? same(sb?.text ?? '') : toChanges(diffWords(sa?.text ?? '', sb?.text ?? '')),
    request:
      sa?.requestLines === sb?.requestLines
        ? same(sb?.requestLines ?? '')
        : toChanges(diffLines(sa?.requestLines ?? '', sb?.requestLines ?? '')),
    toolCalls: { before: sa?.toolCalls ?? [], after: sb?.toolCalls ?? [] },
    finishReason: { before: sa?.finishReason ?? null, after: sb?.finishReason ?? null },
    usage: { before: a?.llm.response?.usage ?? null, after: b?.llm.response?.usage ?? null },
  };
}

function same(text: string): TextChange[] {
  return text ? [{ op: 'same', text }] : [];
}

function toChanges(changes: { value: string; added: boolean; removed: boolean }[]): TextChange[] {
  return changes.map((c) => ({ op: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}
