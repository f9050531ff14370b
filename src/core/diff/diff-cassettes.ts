/**
 * Compares two recordings of the same test and gives each aligned interaction a verdict:
 * identical, wording only (the model said it differently), behaviour changed (tool calls, finish
 * reason, output shape or error status changed), added or removed. `behaviourChanged` is what CI
 * gates a re-record on (`cassette-viewer diff A B` exits non-zero).
 */
import { diffLines, diffWords } from 'diff';
import type { AnalyzedCassette, AnalyzedExchange } from '../model/analysis';
import type { CassetteDiff, DiffVerdict, ExchangeDiff, TextChange } from '../model/diff';
import { alignExchanges } from './align-exchanges';
import { exchangeDiffFacts } from './exchange-diff-facts';

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
    behaviourChanged: counts['behaviour-changed'] + counts.added + counts.removed > 0,
  };
}

function diffPair(a: AnalyzedExchange | null, b: AnalyzedExchange | null): ExchangeDiff {
  const sa = a ? exchangeDiffFacts(a) : null;
  const sb = b ? exchangeDiffFacts(b) : null;
  const reasons: string[] = [];
  let verdict: DiffVerdict;
  if (!sa) {
    verdict = 'added';
    reasons.push('only in the new recording');
  } else if (!sb) {
    verdict = 'removed';
    reasons.push('only in the old recording');
  } else {
    if (sa.status !== sb.status) reasons.push(`status ${sa.status ?? '—'} → ${sb.status ?? '—'}`);
    if ((sa.errorMessage === null) !== (sb.errorMessage === null))
      reasons.push(sb.errorMessage ? `now fails: ${sb.errorMessage}` : 'no longer fails');
    const callsA = sa.toolCalls.map((c) => `${c.name}(${c.arguments})`).join(', ');
    const callsB = sb.toolCalls.map((c) => `${c.name}(${c.arguments})`).join(', ');
    if (callsA !== callsB) reasons.push(`tool calls ${callsA || 'none'} → ${callsB || 'none'}`);
    if (sa.finishReason !== sb.finishReason)
      reasons.push(`finish reason ${sa.finishReason ?? '—'} → ${sb.finishReason ?? '—'}`);
    if (sa.shape !== sb.shape) reasons.push(`output shape ${sa.shape || 'empty'} → ${sb.shape || 'empty'}`);
    const behaviour = reasons.length > 0;
    const wording = sa.text !== sb.text || sa.reasoning !== sb.reasoning;
    if (behaviour) verdict = 'behaviour-changed';
    else if (wording) {
      verdict = 'wording-only';
      reasons.push(sa.text !== sb.text ? 'the text changed' : 'the reasoning changed');
    } else verdict = 'identical';
    if (sa.requestLines !== sb.requestLines) reasons.push('the request changed');
  }
  return {
    before: a?.http.index ?? null,
    after: b?.http.index ?? null,
    verdict,
    reasons,
    label: (sb ?? sa)!.label,
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
