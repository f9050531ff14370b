/**
 * The folder overview (issue 19): every cassette of a folder in one sortable, filterable table,
 * filled progressively as the summary workers read the files, with a progress bar, the files that
 * could not be read and why, and a count of the other files skipped. A row opens its cassette; the
 * page keeps this view mounted meanwhile, so Back finds the same sort, filter and scroll.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import type { FolderFile } from '../../core/folder/folder-row';
import { formatCount, plural } from '../../ui/format';
import { FolderFailures } from './folder-failures';
import { filterFolderRows, toFolderRows, type VerdictFilter } from './folder-rows';
import { FolderTable } from './folder-table';
import './folder-overview.css';

export interface FolderOverviewProps {
  name: string;
  origin: string;
  files: readonly FolderFile[];
  /** Files not read because their names are not a cassette's. */
  skipped: number;
  /** Files read so far (loaded or failed). */
  done: number;
  visible: boolean;
  onOpen: (path: string) => void;
  onClose: () => void;
}

const VERDICTS: Array<[VerdictFilter, string]> = [
  ['all', 'Any verdict'],
  ['problems', 'Errors or warnings'],
  ['errors', 'Errors'],
  ['clean', 'Clean'],
];

export function FolderOverview({
  name,
  origin,
  files,
  skipped,
  done,
  visible,
  onOpen,
  onClose,
}: FolderOverviewProps) {
  const [query, setQuery] = useState('');
  const [verdict, setVerdict] = useState<VerdictFilter>('all');
  const deferredQuery = useDeferredValue(query);
  const allRows = useMemo(() => toFolderRows(files), [files]);
  const rows = useMemo(
    () => filterFolderRows(allRows, deferredQuery, verdict),
    [allRows, deferredQuery, verdict],
  );
  const failed = useMemo(
    () => files.filter((file): file is Extract<FolderFile, { status: 'failed' }> => file.status === 'failed'),
    [files],
  );
  const total = files.length;
  const reading = done < total;
  const filtered = deferredQuery.trim() !== '' || verdict !== 'all';

  return (
    <section className="folder-overview" aria-labelledby="folder-overview-title" hidden={!visible}>
      <header className="folder-overview__header">
        <div className="folder-overview__title-line">
          <h2 id="folder-overview-title" className="folder-overview__title">
            {name}
          </h2>
          <span className="folder-overview__origin">{origin}</span>
          <button type="button" className="button folder-overview__close" onClick={onClose}>
            Close folder
          </button>
        </div>
        <p className="folder-overview__counts">
          {plural(total, 'cassette file')}: {formatCount(allRows.length)} listed
          {failed.length > 0 && `, ${formatCount(failed.length)} could not be read`}
          {skipped > 0 && ` · ${plural(skipped, 'other file')} skipped (not cassettes by name)`}
        </p>
        {reading && (
          <div className="folder-overview__progress">
            <progress max={total} value={done} aria-label={`Reading the folder: ${done} of ${total} files`} />
            <span aria-hidden="true">
              Reading {formatCount(done)} of {plural(total, 'file')}…
            </span>
          </div>
        )}
      </header>
      <FolderFailures failed={failed} />
      <div className="folder-overview__toolbar">
        <input
          type="search"
          className="text-input"
          placeholder="Filter by path, format, API, model…"
          aria-label="Filter cassettes"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <select
          className="folder-overview__select"
          aria-label="Doctor verdict"
          value={verdict}
          onChange={(event) => setVerdict(event.target.value as VerdictFilter)}
        >
          {VERDICTS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <span className="folder-overview__shown" aria-live="polite">
          {filtered
            ? `${formatCount(rows.length)} of ${plural(allRows.length, 'cassette')}`
            : plural(allRows.length, 'cassette')}
        </span>
      </div>
      <FolderTable
        rows={rows}
        onOpen={onOpen}
        visible={visible}
        emptyText={
          allRows.length === 0
            ? reading
              ? 'Reading the first files…'
              : 'No cassette in this folder could be read.'
            : 'No cassette matches the filter.'
        }
      />
    </section>
  );
}
