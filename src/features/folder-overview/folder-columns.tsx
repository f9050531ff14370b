/**
 * Column definitions of the folder overview's table, TanStack Table v9, with the features every
 * grid of the app shares (ui/data-grid/grid-features.ts; `sortUndefined: 'last'` keeps missing
 * values after present ones, https://tanstack.com/table/v9/docs/guide/sorting).
 */
import { createColumnHelper } from '@tanstack/react-table';
import { formatCount, formatOptionalCount, formatUsd } from '../../ui/format';
import {
  numericSort as numeric,
  textSort as text,
  type GridFeatures,
} from '../../ui/data-grid/grid-features';
import type { FolderTableRow } from './folder-rows';

const helper = createColumnHelper<GridFeatures, FolderTableRow>();
// Each column's \`size\` is its default track in folder-overview.css (column-widths.ts).

function Muted({ label }: { label: string }) {
  return (
    <span className="cell-muted" title={label}>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

function Verdict({ row }: { row: FolderTableRow }) {
  if (row.verdict === 'clean')
    return (
      <span className="folder-verdict folder-verdict--clean" title="Stream doctor: no problems">
        ✓ clean
      </span>
    );
  const parts = [];
  if (row.errors > 0) parts.push(`${formatCount(row.errors)} ${row.errors === 1 ? 'error' : 'errors'}`);
  if (row.warnings > 0)
    parts.push(`${formatCount(row.warnings)} ${row.warnings === 1 ? 'warning' : 'warnings'}`);
  const text = parts.join(', ');
  return (
    <span className={`folder-verdict folder-verdict--${row.verdict}`} title={`Stream doctor: ${text}`}>
      {row.verdict === 'errors' ? '✕' : '!'} {text}
    </span>
  );
}

/** The date part of what the file recorded (`2025-01-02`), or as written when it is not a date. */
function shortDate(row: FolderTableRow): string {
  if (row.recordedTime === null) return row.recordedAt ?? '';
  return new Date(row.recordedTime).toISOString().slice(0, 10);
}

export const folderColumns = helper.columns([
  helper.accessor('path', {
    header: 'Path',
    size: 220,
    ...text,
    cell: (info) => (
      <span className="folder-path" title={info.getValue()}>
        {info.getValue()}
      </span>
    ),
    meta: { className: 'folder-col-path' },
  }),
  helper.accessor('format', {
    header: 'Format',
    size: 130,
    ...text,
    cell: (info) => (
      <span title={`${info.getValue()} (${info.row.original.formatVariant})`}>{info.getValue()}</span>
    ),
    meta: { className: 'folder-col-format' },
  }),
  helper.accessor('interactions', {
    header: 'Calls',
    size: 64,
    ...numeric,
    cell: (info) => formatCount(info.getValue()),
    meta: { className: 'col-num' },
  }),
  helper.accessor((row) => row.apis || undefined, {
    id: 'apis',
    header: 'APIs',
    size: 140,
    ...text,
    cell: (info) => <span title={info.getValue()}>{info.getValue() ?? '—'}</span>,
    meta: { className: 'folder-col-text' },
  }),
  helper.accessor((row) => row.models || undefined, {
    id: 'models',
    header: 'Models',
    size: 140,
    ...text,
    cell: (info) => <span title={info.getValue()}>{info.getValue() ?? '—'}</span>,
    meta: { className: 'folder-col-text' },
  }),
  helper.accessor((row) => row.tokens ?? undefined, {
    id: 'tokens',
    header: 'Tokens',
    size: 84,
    ...numeric,
    cell: (info) => formatOptionalCount(info.getValue()),
    meta: { className: 'col-num' },
  }),
  helper.accessor((row) => row.costUsd ?? undefined, {
    id: 'cost',
    header: 'Cost',
    size: 80,
    ...numeric,
    cell: (info) => {
      const value = info.getValue();
      return value === undefined ? <Muted label="not reported" /> : formatUsd(value);
    },
    meta: { className: 'col-num' },
  }),
  helper.accessor((row) => row.recordedTime ?? undefined, {
    id: 'recorded',
    header: 'Recorded',
    size: 104,
    ...numeric,
    cell: (info) =>
      info.row.original.recordedAt === null ? (
        <Muted label="no date recorded" />
      ) : (
        <span title={info.row.original.recordedAt}>{shortDate(info.row.original)}</span>
      ),
    meta: { className: 'folder-col-date' },
  }),
  // Worst first when descending: errors weigh more than any number of warnings.
  helper.accessor((row) => row.verdictRank * 1_000_000 + row.errors * 1_000 + row.warnings, {
    id: 'doctor',
    header: 'Doctor',
    size: 150,
    ...numeric,
    sortDescFirst: true,
    cell: (info) => <Verdict row={info.row.original} />,
    meta: { className: 'folder-col-doctor' },
  }),
]);
