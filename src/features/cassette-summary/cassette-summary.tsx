/**
 * The header above the selected cassette: what the file is (format, variant, recorder) and what
 * it holds (interactions, the stream doctor's errors and warnings, the reader's notes, tokens, cost,
 * recorded time). The figures come from
 * summarize-cassette.ts. The `role="status"` line lives in the app shell, so there is exactly one.
 */
import type { CassetteOverview } from '../../core/model/overview';
import { formatBytes, formatCount, formatDuration, formatUsd, plural } from '../../ui/format';
import { summarizeCassette } from './summarize-cassette';

export interface CassetteSummaryProps {
  fileName: string;
  sizeBytes: number;
  overview: CassetteOverview;
  /** Time from choosing the file to the result on the page. */
  loadMs: number;
}

const FORMAT_NAMES: Record<string, string> = {
  'go-vcr-v1': 'go-vcr v1',
  'go-vcr-v2': 'go-vcr v2',
  vcrpy: 'vcrpy',
  'ruby-vcr': 'Ruby VCR',
  polly: 'Polly.JS HAR',
  har: 'HAR 1.2',
};

/** One figure; `quiet` (a zero count, nothing reported) is drawn muted so real numbers stand out. */
function Figure({
  label,
  value,
  tone,
  quiet = false,
}: {
  label: string;
  value: string;
  tone?: 'error' | 'warning';
  quiet?: boolean;
}) {
  const classes = [
    'summary-figure',
    tone ? `summary-figure--${tone}` : '',
    quiet ? 'summary-figure--quiet' : '',
  ];
  return (
    <div className={classes.filter(Boolean).join(' ')}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

export function CassetteSummary({ fileName, sizeBytes, overview, loadMs }: CassetteSummaryProps) {
  const summary = summarizeCassette(overview);
  // The status may come before the stream doctor's findings (issue 15): its figures wait for them.
  const checking = overview.doctorChecking === true;
  const doctorFigure = (count: number) => (checking ? 'checking…' : formatCount(count));
  const { cassette } = overview;
  const format = FORMAT_NAMES[cassette.format] ?? cassette.format;
  const tokens =
    summary.inputTokens === null && summary.outputTokens === null
      ? 'not reported'
      : `${formatCount(summary.inputTokens ?? 0)} in · ${formatCount(summary.outputTokens ?? 0)} out`;
  const recorded =
    summary.recordedMs === null
      ? 'not recorded'
      : summary.timedInteractions < summary.interactions
        ? `${formatDuration(summary.recordedMs)} (${summary.timedInteractions} of ${summary.interactions} timed)`
        : formatDuration(summary.recordedMs);
  const details = [
    format,
    cassette.formatVariant,
    cassette.recorder ? `recorded with ${cassette.recorder}` : null,
    ...cassette.fileDecoding,
  ]
    // vcrpy's variant is "vcrpy" again: one chip per distinct fact.
    .filter((part, index, all): part is string => Boolean(part) && all.indexOf(part) === index);

  return (
    <section
      className="cassette-summary"
      aria-label="Cassette summary"
      data-doctor-checking={checking ? '' : undefined}
    >
      <div className="cassette-summary__title">
        <h2 title={fileName}>{fileName}</h2>
        <p className="cassette-summary__meta">
          {details.map((part, index) => (
            <span key={index} className="meta-chip">
              {part}
            </span>
          ))}
          {/* Load time matters to few readers: it stays in the tooltip, not in the line. */}
          <span className="cassette-summary__size" title={`Loaded in ${formatDuration(loadMs)}`}>
            {formatBytes(sizeBytes)}
          </span>
        </p>
      </div>
      <dl className="cassette-summary__figures">
        <Figure label="Interactions" value={formatCount(summary.interactions)} />
        <Figure label="Streamed" value={formatCount(summary.streamed)} quiet={summary.streamed === 0} />
        {/* The doctor's own counts and words ("2 errors in 1 interaction"). */}
        <Figure
          label="Errors"
          value={doctorFigure(summary.errors)}
          quiet={checking || summary.errors === 0}
          tone={summary.errors > 0 ? 'error' : undefined}
        />
        <Figure
          label="Warnings"
          value={doctorFigure(summary.warnings)}
          quiet={checking || summary.warnings === 0}
          tone={summary.warnings > 0 ? 'warning' : undefined}
        />
        <Figure
          label="Retries"
          value={doctorFigure(summary.retries)}
          quiet={checking || summary.retries === 0}
          tone={summary.retries > 0 ? 'warning' : undefined}
        />
        <Figure label="Reader notes" value={formatCount(summary.notes)} quiet={summary.notes === 0} />
        <Figure
          label="Tokens"
          value={tokens}
          quiet={summary.inputTokens === null && summary.outputTokens === null}
        />
        {summary.costUsd !== null && <Figure label="Cost" value={formatUsd(summary.costUsd)} />}
        <Figure label="Recorded time" value={recorded} quiet={summary.recordedMs === null} />
      </dl>
      {cassette.warnings.length > 0 && (
        <details className="cassette-summary__warnings">
          <summary>{plural(cassette.warnings.length, 'file warning')}</summary>
          <ul>
            {cassette.warnings.map((warning, index) => (
              <li key={index}>
                {warning.line !== undefined && (
                  <span className="warning-location">line {warning.line}: </span>
                )}
                {warning.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
