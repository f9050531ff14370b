/**
 * Column definitions for the interactions table, TanStack Table v9, with the features every grid
 * of the app shares (ui/data-grid/grid-features.ts).
 */
import { createColumnHelper } from '@tanstack/react-table';
import { formatCount, formatDuration, formatOptionalCount } from '../../ui/format';
import {
  numericSort as numeric,
  textSort as text,
  type GridFeatures,
} from '../../ui/data-grid/grid-features';
import type { ExchangeRow } from './exchange-rows';

/** The stream doctor's mark on a row (issue 7): worst severity, count, and the messages as its name. */
function FindingMark({ findings }: { findings: ExchangeRow['findings'] }) {
  const count = findings.errors + findings.warnings;
  // The doctor checks once the whole file is read, and may finish after the status (issue 15).
  if (findings.pending)
    return (
      <span className="finding-none" title="Stream doctor: checking…" data-doctor-checking="">
        checking…
      </span>
    );
  if (count === 0)
    return (
      <span className="finding-none" title="Stream doctor: no findings">
        —
      </span>
    );
  const tone = findings.errors > 0 ? 'error' : 'warning';
  const label = `${formatCount(count)} ${count === 1 ? 'finding' : 'findings'}: ${findings.messages.join('; ')}`;
  return (
    <span className={`finding-mark finding-mark--${tone}`} role="img" aria-label={label} title={label}>
      {tone === 'error' ? '✕' : '!'} {formatCount(count)}
    </span>
  );
}

const helper = createColumnHelper<GridFeatures, ExchangeRow>();
// Each column's \`size\` is its narrowest default track in styles/table.css: the grid's minimum
// width once a column has a width of the user's (column-widths.ts).

function statusClass(status: number | null): string {
  if (status === null) return 'status-pill status-pill--none';
  if (status >= 500) return 'status-pill status-pill--server';
  if (status >= 400) return 'status-pill status-pill--client';
  if (status >= 300) return 'status-pill status-pill--redirect';
  return 'status-pill status-pill--ok';
}

export const exchangeColumns = helper.columns([
  helper.accessor('index', {
    header: '#',
    size: 58,
    ...numeric,
    cell: (info) => <span className="cell-number">{info.getValue() + 1}</span>,
    meta: { className: 'col-index' },
  }),
  helper.accessor('method', { header: 'Method', size: 70, ...text, meta: { className: 'col-method' } }),
  helper.accessor((row) => `${row.host}${row.path}`, {
    id: 'url',
    header: 'Host and path',
    size: 170,
    ...text,
    cell: (info) => (
      <>
        <span className="cell-url" title={`${info.row.original.host}${info.row.original.path}`}>
          {info.row.original.host && <span className="cell-url__host">{info.row.original.host}</span>}
          <span className="cell-url__path">{info.row.original.path}</span>
        </span>
      </>
    ),
    meta: { className: 'col-url' },
  }),
  // Sorted worst first when descending: errors weigh more than any number of warnings.
  helper.accessor((row) => row.findings.errors * 10_000 + row.findings.warnings, {
    id: 'doctor',
    header: 'Doctor',
    size: 68,
    ...numeric,
    sortDescFirst: true,
    cell: (info) => <FindingMark findings={info.row.original.findings} />,
    meta: { className: 'col-doctor' },
  }),
  helper.accessor((row) => row.status ?? undefined, {
    id: 'status',
    header: 'Status',
    size: 64,
    ...numeric,
    cell: (info) => {
      const { status, failed } = info.row.original;
      return (
        <span className={statusClass(status)} data-failed={failed || undefined}>
          {status ?? 'none'}
        </span>
      );
    },
    meta: { className: 'col-status' },
  }),
  helper.accessor('apiLabel', {
    header: 'API',
    size: 142,
    ...text,
    cell: (info) => <span title={info.getValue()}>{info.row.original.apiShort}</span>,
    meta: { className: 'col-api' },
  }),
  helper.accessor((row) => row.model ?? undefined, {
    id: 'model',
    header: 'Model',
    size: 190,
    ...text,
    cell: (info) => <span title={info.getValue()}>{info.getValue() ?? '—'}</span>,
    meta: { className: 'col-model' },
  }),
  helper.accessor((row) => row.events ?? undefined, {
    id: 'events',
    header: 'Events',
    size: 76,
    ...numeric,
    // A count means streamed; "—" (titled) means a whole-body response. One column instead of two
    // keeps the table within a 1024px window.
    cell: (info) =>
      info.row.original.streamed ? (
        formatOptionalCount(info.getValue())
      ) : (
        <span className="cell-muted" title="Not streamed: the whole body arrived at once">
          —
        </span>
      ),
    meta: { className: 'col-num' },
  }),
  helper.accessor((row) => row.durationMs ?? undefined, {
    id: 'duration',
    header: 'Duration',
    size: 86,
    ...numeric,
    // No duration (vcrpy, or a recorder's zero that measured nothing) reads "not recorded", as the
    // summary's "Recorded time" does; the dash keeps the column narrow.
    cell: (info) => {
      const value = info.getValue();
      return value === undefined ? (
        <span className="cell-muted" title="not recorded">
          <span aria-hidden="true">—</span>
          <span className="visually-hidden">not recorded</span>
        </span>
      ) : (
        formatDuration(value)
      );
    },
    meta: { className: 'col-num' },
  }),
  helper.accessor((row) => row.inputTokens ?? undefined, {
    id: 'inputTokens',
    header: 'Tokens in',
    size: 92,
    ...numeric,
    cell: (info) => formatOptionalCount(info.getValue()),
    meta: { className: 'col-num' },
  }),
  helper.accessor((row) => row.outputTokens ?? undefined, {
    id: 'outputTokens',
    header: 'Tokens out',
    size: 100,
    ...numeric,
    cell: (info) => formatOptionalCount(info.getValue()),
    meta: { className: 'col-num' },
  }),
]);
