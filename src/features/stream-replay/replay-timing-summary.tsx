/**
 * The timing summary of one interaction (issue 5): latency, generation time, events, tokens per
 * second. Every figure carries a badge saying whether it was recorded by the file, reported by
 * the provider, or estimated; the words are what the user must be able to trust.
 */
import { memo } from 'react';
import type { TimingLabel, TimingSummary } from '../../core/replay';
import { formatDuration, formatRate } from './replay-format';

export interface ReplayTimingSummaryProps {
  summary: TimingSummary;
  pacingExplanation: string;
}

const LABEL_HELP: Record<TimingLabel, string> = {
  recorded: 'Measured when the cassette was recorded',
  reported: 'Reported by the provider inside the response',
  estimated: 'Not recorded: estimated',
  unknown: 'The file records no time for this',
};

function Badge({ label }: { label: TimingLabel }) {
  return (
    <span className={`rp-badge rp-badge-${label}`} title={LABEL_HELP[label]}>
      {label}
    </span>
  );
}

export const ReplayTimingSummary = memo(function ReplayTimingSummary({
  summary,
  pacingExplanation,
}: ReplayTimingSummaryProps) {
  return (
    <section className="rp-summary" aria-label="Timing summary">
      <dl className="rp-summary-grid">
        <div>
          <dt>Latency</dt>
          <dd>
            <span className="rp-figure">
              {summary.latencyLabel === 'unknown' ? '–' : formatDuration(summary.latencyMs)}
            </span>
            <Badge label={summary.latencyLabel} />
            <small>{summary.latencyOrigin}</small>
          </dd>
        </div>
        <div>
          <dt>Generation</dt>
          <dd>
            <span className="rp-figure">{formatDuration(summary.generationMs)}</span>
            <Badge label={summary.generationLabel} />
            <small>{summary.generationOrigin}</small>
          </dd>
        </div>
        <div>
          <dt>Events</dt>
          <dd>
            <span className="rp-figure">{summary.eventCount.toLocaleString('en-US')}</span>
            <small>
              {summary.outputTokens.toLocaleString('en-US')} output tokens ({summary.outputTokensLabel})
            </small>
          </dd>
        </div>
        <div>
          <dt>Tokens per second</dt>
          <dd>
            <span className="rp-figure">{formatRate(summary.tokensPerSecond)}</span>
            {summary.tokensPerSecond !== null && <Badge label={summary.tokensPerSecondLabel} />}
          </dd>
        </div>
      </dl>
      <p className="rp-pacing-note">{pacingExplanation}</p>
    </section>
  );
});
