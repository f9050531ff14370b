/**
 * The workspace of the selected file once it has rows: the file's header (a one-line progress
 * while it loads; its summary and the stream doctor's line once loaded), then the list of
 * interactions and the selected one's detail in a SplitPane (issue 17), with Compare around them.
 *
 * The same layout serves the partial load (issue 9: rows arrive in batches) and the loaded file,
 * so the element tree down to the one ExchangeTable is the same in both: when the load ends React
 * updates the table in place instead of unmounting it and building a 4,000-row table anew, which
 * was most of the longest main-thread task of a large file's load (issue 15). Nothing here may
 * render the table under a different parent or key depending on the load's state.
 * https://react.dev/learn/preserving-and-resetting-state#same-component-at-the-same-position-preserves-state
 */
import type { ReactNode } from 'react';
import type { CassetteOverview, ExchangeSummary } from '../core/model/overview';
import type { LoadFailure } from '../core/model/errors';
import { CassetteSummary } from '../features/cassette-summary/cassette-summary';
import { ComparePanel } from '../features/compare/compare-panel';
import type { CompareCandidate, CompareLoadOutcome } from '../features/compare/use-compare-source';
import { FindingsList, type FindingJump } from '../features/doctor/findings-list';
import { ExchangeTable } from '../features/exchange-list/exchange-table';
import { LoadFailurePanel } from '../features/file-drop/load-failure-panel';
import { SearchBox } from '../features/search/search-box';
import { SplitPane } from '../ui/split-pane';
import type { FileEntry } from './app-state';
import type { ExchangeStore } from './exchange-store';
import { FileDetailPane, type FileDetailPaneProps } from './file-detail-pane';
import { LoadingPanel } from './loading-panel';
import type { SearchSession } from './use-search-session';

/** The list's share of the reading area; the detail gets the rest (>=60% of a 1440×900 window stacked). */
const LIST_SHARE = { sideBySide: 34, stacked: 22 };

/** A file the workspace shows: loaded, or loading (with the rows that are in, if any). */
export type WorkspaceFile = Extract<FileEntry, { status: 'loaded' | 'loading' }>;

/**
 * From this size a loading file shows its workspace before its first rows arrive (the split load's
 * threshold, workers/load-worker.ts SPLIT_MIN_CHARS): the empty table and the panes then mount
 * while the worker reads the file, as a background render in slices, and the first rows only fill
 * rows into a table that is already there (issue 15: first rows and the longest task).
 */
export const EARLY_WORKSPACE_BYTES = 512 * 1024;

/** Whether the file's workspace shows: it has rows (loaded, or partially loaded). */
export function hasRows(file: FileEntry | null): boolean {
  return file?.status === 'loaded' || (file?.status === 'loading' && file.summariesSoFar !== undefined);
}

const NO_ROWS: ExchangeSummary[] = [];

export interface FileWorkspaceProps extends Omit<
  FileDetailPaneProps,
  'overview' | 'exchanges' | 'noMatch' | 'timelineSearch'
> {
  file: WorkspaceFile;
  /** The file's full exchanges (its load worker), once loaded. */
  store: ExchangeStore | null;
  search: SearchSession;
  /** The list beside the detail (wide windows) rather than above it. */
  sideBySide: boolean;
  /** Each loaded file as a side of a comparison, by id. */
  candidates: ReadonlyMap<string, CompareCandidate>;
  loadCompareFile: (file: File) => Promise<CompareLoadOutcome>;
  onJumpToFinding: (jump: FindingJump) => void;
}

/** The "before" side while the file still loads: Compare is not offered until it is loaded. */
function notYetLoaded(name: string): CompareCandidate {
  return { name, load: () => Promise.reject(new Error(`${name} is still loading.`)) };
}

const renderFailure = (failure: LoadFailure): ReactNode => <LoadFailurePanel failure={failure} />;

export function FileWorkspace(props: FileWorkspaceProps) {
  const { file, search, candidates, store } = props;
  const overview: CassetteOverview | null = file.status === 'loaded' ? file.overview : null;
  const rows = file.status === 'loaded' ? file.overview.exchanges : (file.summariesSoFar ?? NO_ROWS);
  const before = candidates.get(file.id) ?? notYetLoaded(file.name);
  const searchBox = (
    <SearchBox
      query={search.query}
      onQueryChange={search.setQuery}
      pending={search.state.pending}
      error={search.state.error}
      active={search.query.trim() !== ''}
      hitCount={search.hits.length}
      hitPosition={search.hitPosition}
      onNext={() => search.step(1)}
      onPrevious={() => search.step(-1)}
      onFocus={search.warm}
    />
  );
  return (
    <>
      {file.status === 'loading' && (
        <LoadingPanel
          name={file.name}
          sizeBytes={file.sizeBytes}
          stage={file.stage}
          progress={file.progress}
          compact
        />
      )}
      {overview && (
        <CassetteSummary
          fileName={file.name}
          sizeBytes={file.sizeBytes}
          overview={overview}
          loadMs={file.status === 'loaded' ? file.loadMs : 0}
        />
      )}
      {overview && (
        <FindingsList
          checking={overview.doctorChecking}
          anomalies={overview.anomalies}
          exchanges={overview.exchanges}
          selectedExchange={props.selectedExchange}
          onJump={props.onJumpToFinding}
        />
      )}
      <ComparePanel
        before={before}
        others={[...candidates].flatMap(([id, candidate]) => (id === file.id ? [] : [candidate]))}
        loadFile={props.loadCompareFile}
        renderFailure={renderFailure}
      >
        {(compareLauncher) => (
          <SplitPane
            sideBySide={props.sideBySide}
            storageKey="cassette-viewer.list-share"
            defaultShare={LIST_SHARE}
            label="Resize the interactions list"
            firstId="interactions-pane"
            first={
              <section className="interactions-region" aria-label="Interactions table">
                <ExchangeTable
                  exchanges={rows}
                  selectedExchange={props.selectedExchange}
                  onSelectExchange={props.onSelectExchange}
                  anomalies={overview && !overview.doctorChecking ? overview.anomalies : undefined}
                  filter={search.rowFilter}
                  searchBox={searchBox}
                  toolbarEnd={overview ? compareLauncher : undefined}
                  emptyText={overview ? undefined : 'Reading the first interactions…'}
                />
              </section>
            }
            second={
              <FileDetailPane
                overview={overview}
                exchanges={store}
                selectedExchange={props.selectedExchange}
                view={props.view}
                replayPositionMs={props.replayPositionMs}
                focusEvent={props.focusEvent}
                onSelectExchange={props.onSelectExchange}
                onViewChange={props.onViewChange}
                onReplayPositionChange={props.onReplayPositionChange}
                timelineSearch={search.timeline}
                noMatch={search.noMatch ? { query: search.query, clear: () => search.setQuery('') } : null}
              />
            }
          />
        )}
      </ComparePanel>
    </>
  );
}
