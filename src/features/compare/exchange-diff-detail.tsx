/**
 * Everything compared for one aligned pair: why the verdict, the word-level text diff, tool calls
 * side by side, finish reasons, usage, the request diff, and the raw diff on demand.
 */
import type { AnalyzedExchange } from '../../core/model/analysis';
import type { Usage } from '../../core/model/conversation';
import type { ExchangeDiff } from '../../core/model/diff';
import { formatCount, formatUsd } from '../../ui/format';
import { RawDiffSection } from './raw-diff-section';
import { TextDiffView } from './text-diff-view';
import { ToolCallsDiff } from './tool-calls-diff';
import { endpointLabel } from '../../core/diff/verdict-labels';
import { RowVerdicts } from './verdict-badge';

export interface ExchangeDiffDetailProps {
  row: ExchangeDiff;
  before: AnalyzedExchange | null;
  after: AnalyzedExchange | null;
}

function usageText(usage: Usage | null): string {
  if (!usage) return 'not reported';
  const parts = [`${formatCount(usage.inputTokens ?? 0)} in`, `${formatCount(usage.outputTokens ?? 0)} out`];
  if (usage.costUsd !== null && usage.costUsd !== undefined) parts.push(formatUsd(usage.costUsd));
  return parts.join(' · ');
}

function Pair({ label, before, after }: { label: string; before: string; after: string }) {
  const changed = before !== after;
  return (
    <div className={`cmp-pair${changed ? ' cmp-pair--changed' : ''}`}>
      <dt>{label}</dt>
      <dd>
        <span className="cmp-pair__before">{before}</span>
        <span className="cmp-pair__arrow" aria-label={changed ? 'changed to' : 'unchanged'}>
          {changed ? '→' : '='}
        </span>
        <span className="cmp-pair__after">{after}</span>
      </dd>
    </div>
  );
}

function callName(index: number | null): string {
  return index === null ? '—' : `call ${index + 1}`;
}

export function ExchangeDiffDetail({ row, before, after }: ExchangeDiffDetailProps) {
  return (
    <div className="cmp-detail" role="region" aria-label="Selected pair">
      <div className="cmp-detail__head">
        <RowVerdicts verdict={row.verdict} requestChanged={row.requestChanged} />
        <h3 className="cmp-detail__title">
          {endpointLabel(row)}{' '}
          <span className="cmp-muted">
            ({callName(row.before)} → {callName(row.after)})
          </span>
        </h3>
      </div>
      {row.requestReasons.length > 0 && (
        <ul className="cmp-reasons" aria-label="What changed in the request">
          {row.requestReasons.map((reason, index) => (
            <li key={index}>Request: {reason}</li>
          ))}
        </ul>
      )}
      {row.reasons.length > 0 && (
        <ul className="cmp-reasons" aria-label="Why this response verdict">
          {row.reasons.map((reason, index) => (
            <li key={index}>Response: {reason}</li>
          ))}
        </ul>
      )}
      <dl className="cmp-pairs">
        <Pair
          label="Status"
          before={String(row.status.before ?? '—')}
          after={String(row.status.after ?? '—')}
        />
        <Pair
          label="Finish reason"
          before={row.finishReason.before ?? '—'}
          after={row.finishReason.after ?? '—'}
        />
        <Pair label="Usage" before={usageText(row.usage.before)} after={usageText(row.usage.after)} />
      </dl>
      <section className="cmp-section" aria-label="Response text">
        <h3 className="cmp-section__title">Response text</h3>
        <TextDiffView
          changes={row.text}
          label="Response text diff"
          empty="Neither side answered with text."
        />
      </section>
      <section className="cmp-section" aria-label="Tool calls">
        <h3 className="cmp-section__title">Tool calls</h3>
        <ToolCallsDiff before={row.toolCalls.before} after={row.toolCalls.after} />
      </section>
      <section className="cmp-section" aria-label="Request">
        <h3 className="cmp-section__title">Request messages and tools</h3>
        <TextDiffView changes={row.request} label="Request diff" code empty="No request messages." />
      </section>
      {before && after && <RawDiffSection before={before.http} after={after.http} />}
    </div>
  );
}
