/**
 * The composition root: app state, the ways files come in, and the layout that places the
 * features. Features never import each other; everything they share passes through here.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { CassetteList, type CassetteListItem } from '../features/cassette-list/cassette-list';
import { CassetteSummary } from '../features/cassette-summary/cassette-summary';
import {
  summarizeCassette,
  statusText,
  type CassetteSummary as Summary,
} from '../features/cassette-summary/summarize-cassette';
import { ComparePanel } from '../features/compare/compare-panel';
import { FindingsList, type FindingJump } from '../features/doctor/findings-list';
import { replayPositionFor } from '../features/doctor/replay-position';
import type { CompareCandidate, CompareLoadOutcome } from '../features/compare/use-compare-source';
import { ExchangeTable } from '../features/exchange-list/exchange-table';
import { SearchBox } from '../features/search/search-box';
import { SearchNoMatch } from '../features/search/search-no-match';
import { EmptyState } from '../features/file-drop/empty-state';
import { FolderBackBar } from '../features/folder-overview/folder-back-bar';
import { FolderOverview } from '../features/folder-overview/folder-overview';
import { OpenFolderButton } from '../features/folder-overview/open-folder-button';
import { LoadFailurePanel } from '../features/file-drop/load-failure-panel';
import { PageDropTarget } from '../features/file-drop/page-drop-target';
import { ReplayMatchButton } from '../features/replay-match/replay-match-button';
import { ReplayMatchView, type MatchFile } from '../features/replay-match/replay-match-view';
import { ExportMenu } from '../features/export/export-menu';
import { ShareButton } from '../features/share/share-button';
import { useLinkLoader } from '../features/share/use-link-loader';
import { LocalSourceNote } from '../features/local-server/local-source-note';
import { useLocalLoader } from '../features/local-server/use-local-loader';
import { SplitPane } from '../ui/split-pane';
import { useMediaQuery } from '../ui/use-media-query';
import { AppHeader } from './app-header';
import { appReducer, INITIAL_APP_STATE, selectedFile, type FileEntry } from './app-state';
import { InteractionPanel } from './interaction-panel';
import type { FileLoader } from './file-loader';
import { folderFromFiles } from './folder-source';
import { OpenFiles } from './open-files';
import { LoadingPanel, partialStatusText, STAGE_LABELS } from './loading-panel';
import { useFileOpener } from './use-file-opener';
import { useFolderOverview, type OpenedFolder } from './use-folder-overview';
import { useGlobalShortcuts } from './use-global-shortcuts';
import { initialStateFromUrl, useUrlSync } from './use-url-sync';
import { useSearchSession } from './use-search-session';
import { usePersistedFiles } from './use-persisted-files';
import { PersistControls } from './persist-controls';
import type { InteractionView } from './url-state';
import { plural } from '../ui/format';

const noSource = () => Promise.resolve(null);

/** Wide enough for the list beside the detail (issue 17): the list keeps ~40% and the detail >55%. */
const SIDE_BY_SIDE_QUERY = '(min-width: 1500px)';
/** The list's share of the reading area; the detail gets the rest (>=60% of a 1440×900 window stacked). */
const LIST_SHARE = { sideBySide: 34, stacked: 22 };

const SHORTCUT_KEY = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '') ? '⌘' : 'Ctrl';

function listItem(file: FileEntry, summaries: Map<string, Summary>): CassetteListItem {
  if (file.status === 'loading')
    return { id: file.id, name: file.name, status: 'loading', stage: STAGE_LABELS[file.stage] };
  if (file.status === 'failed')
    return { id: file.id, name: file.name, status: 'failed', message: file.failure.message };
  const summary = summaries.get(file.id);
  return {
    id: file.id,
    name: file.name,
    status: 'loaded',
    interactions: summary?.interactions ?? 0,
    errors: summary?.errors ?? 0,
  };
}

function statusLine(file: FileEntry | null, summaries: Map<string, Summary>, openCount: number): string {
  if (!file) return openCount === 0 ? 'No cassette open' : 'Select a cassette';
  if (file.status === 'loading')
    return file.summariesSoFar
      ? partialStatusText(file.summariesSoFar.length, file.progress)
      : `Loading ${file.name}…`;
  if (file.status === 'failed') return `Could not open ${file.name}`;
  const summary = summaries.get(file.id);
  if (!summary) return '';
  return file.overview.doctorChecking
    ? `${plural(summary.interactions, 'interaction')}, stream doctor checking…`
    : statusText(summary);
}

function folderStatusText({ name, files, done }: OpenedFolder): string {
  return done < files.length
    ? `${name}: read ${done.toLocaleString('en-US')} of ${files.length.toLocaleString('en-US')} files`
    : `${name}: ${files.length.toLocaleString('en-US')} cassette files read`;
}

/** `loader` is the page's one FileLoader (main.tsx); every open file loads through it. */
export function App({ loader }: { loader: FileLoader }) {
  const [state, dispatch] = useReducer(appReducer, INITIAL_APP_STATE, initialStateFromUrl);
  // What each open file owns that is not state (its workers and bytes), by id.
  const [openFiles] = useState(() => new OpenFiles(loader));
  const opener = useFileOpener(dispatch, openFiles);
  // Open files kept in IndexedDB and opened again after a reload (issue 17).
  const persisted = usePersistedFiles(state, dispatch, opener, openFiles);
  const fileInputRef = useRef<HTMLInputElement>(null);
  useUrlSync(state, dispatch);
  // `#url=` and `#c=` links open their cassette once, at start (features/share).
  const openLink = useCallback(
    (name: string, bytes: () => Promise<Uint8Array>) => opener.openLater(name, 'link', bytes),
    [opener],
  );
  useLinkLoader(openLink);
  // The folder overview (issue 19). `folder.openFolder` (app/folder-source.ts OpenFolder) is what
  // every folder source calls: a drop, "Open folder…", the CLI's `cassette-viewer DIR` page loader.
  const filesRef = useRef(state.files);
  filesRef.current = state.files;
  const openFromFolder = useCallback(
    (path: string, read: () => Promise<Uint8Array>) => {
      const open = filesRef.current.find((entry) => entry.name === path && entry.origin === 'folder');
      if (open) dispatch({ type: 'file-selected', id: open.id });
      else opener.openLater(path, 'folder', read);
    },
    [opener],
  );
  const folder = useFolderOverview(openFromFolder);
  // A file opened any other way (drop, picker, sample, paste) takes the screen from the list.
  const fileCount = useRef(state.files.length);
  useEffect(() => {
    if (state.files.length > fileCount.current) folder.showFile();
    fileCount.current = state.files.length;
  }, [state.files.length, folder]);
  const showingList = folder.folder !== null && folder.view === 'list';
  // `cassette-viewer FILE… | DIR…` opens the page at `#local=TOKEN` (features/local-server); a DIR
  // opens the folder overview.
  const localSource = useLocalLoader(openLink, folder.openFolder);

  const openPicker = useCallback(() => fileInputRef.current?.click(), []);
  const shortcuts = useMemo(
    () => ({
      onOpenFile: openPicker,
      onPasteText: opener.openText,
      onPasteFiles: (files: File[]) =>
        opener.openFiles(
          files.map((file) => ({ file, path: file.name })),
          'pasted',
        ),
    }),
    [openPicker, opener],
  );
  useGlobalShortcuts(shortcuts);

  const summaries = useMemo(() => {
    const map = new Map<string, Summary>();
    for (const file of state.files)
      if (file.status === 'loaded') map.set(file.id, summarizeCassette(file.overview));
    return map;
  }, [state.files]);

  // While the folder overview is on screen, no file is (its header actions and views step aside).
  const file = showingList ? null : selectedFile(state);
  const sideBySide = useMediaQuery(SIDE_BY_SIDE_QUERY);
  // The stream event a doctor finding jumped to; `seq` re-runs the jump when the same one is clicked again.
  const [focusEvent, setFocusEvent] = useState<{ exchange: number; event: number; seq: number } | null>(null);
  const selectExchange = useCallback((index: number) => {
    setFocusEvent(null);
    dispatch({ type: 'exchange-selected', index });
  }, []);
  const jumpToFinding = useCallback(
    (jump: FindingJump) => {
      const go = (positionMs: number | null) => {
        dispatch({ type: 'exchange-selected', index: jump.exchangeIndex });
        dispatch({ type: 'view-changed', view: jump.view });
        if (jump.view === 'replay') dispatch({ type: 'replay-position-changed', positionMs });
        setFocusEvent((previous) =>
          jump.eventIndex === null
            ? null
            : { exchange: jump.exchangeIndex, event: jump.eventIndex, seq: (previous?.seq ?? 0) + 1 },
        );
      };
      const { eventIndex } = jump;
      const store = file ? (openFiles.get(file.id)?.exchanges ?? null) : null;
      if (jump.view !== 'replay' || eventIndex === null || !store) return go(null);
      // The playhead for the event comes from the full exchange's replay schedule.
      store.get(jump.exchangeIndex).then(
        (exchange) => go(replayPositionFor(exchange, eventIndex)),
        () => go(null),
      );
    },
    [file, openFiles],
  );
  // "Compare…" loads its second file through the same worker path as every file (never parsed
  // here), takes its full exchanges for the diff, and lets the worker go.
  const loadCompareFile = useCallback(
    async (picked: File): Promise<CompareLoadOutcome> => openFiles.readOnce(picked.name, picked),
    [openFiles],
  );
  // Each loaded file as a side of a comparison; its full exchanges come from its load worker.
  const candidates = useMemo(() => {
    const map = new Map<string, CompareCandidate>();
    for (const open of state.files) {
      if (open.status !== 'loaded') continue;
      const { id, name } = open;
      map.set(id, {
        name,
        load: () => openFiles.get(id)?.analyzed() ?? Promise.reject(new Error(`${name} is closed.`)),
      });
    }
    return map;
  }, [state.files, openFiles]);
  // "Would it replay?" (issue 20): each loaded file's requests, from its load worker.
  const [matchOpen, setMatchOpen] = useState(false);
  const matchFiles = useMemo(
    () =>
      state.files.flatMap((open): MatchFile[] => {
        if (open.status !== 'loaded') return [];
        const load = () =>
          openFiles.get(open.id)?.analyzed() ?? Promise.reject(new Error(`${open.name} is closed.`));
        const loadRequests = () =>
          load().then((all) => all.exchanges.map((exchange) => exchange.http.request));
        return [{ id: open.id, name: open.name, loadRequests }];
      }),
    [state.files, openFiles],
  );
  const openMatchedCall = useCallback((id: string, index: number) => {
    setMatchOpen(false);
    dispatch({ type: 'file-selected', id });
    dispatch({ type: 'exchange-selected', index });
    dispatch({ type: 'view-changed', view: 'raw' });
  }, []);
  const changeView = useCallback((view: InteractionView) => dispatch({ type: 'view-changed', view }), []);
  const search = useSearchSession({
    file,
    store: file?.status === 'loaded' ? (openFiles.get(file.id)?.exchanges ?? null) : null,
    selectedExchange: state.selectedExchange,
    select: useCallback((index: number | null) => {
      setFocusEvent(null);
      dispatch({ type: 'exchange-selected', index });
    }, []),
    showConversation: useCallback(() => dispatch({ type: 'view-changed', view: 'timeline' }), []),
  });
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
  const changePosition = useCallback(
    (positionMs: number) => dispatch({ type: 'replay-position-changed', positionMs }),
    [],
  );

  return (
    // `data-files-restored`: the files kept from the last visit are open again (e2e waits on it).
    <div className="app" data-files-restored={persisted.ready || undefined}>
      {/* First stop of the tab order: past the header, the table and its sort buttons (issue 18). */}
      <a className="skip-link" href={file?.status === 'loaded' ? '#interaction-detail' : '#main'}>
        {file?.status === 'loaded' ? 'Skip to the conversation' : 'Skip to the content'}
      </a>
      <PageDropTarget
        onFiles={(files) => opener.openFiles(files, 'dropped')}
        onFolder={(name, files) => {
          const dropped = folderFromFiles(files, name);
          folder.openFolder(dropped.name, dropped.entries, 'dropped');
        }}
      />
      <AppHeader
        fileInputRef={fileInputRef}
        onFilesPicked={(files) =>
          opener.openFiles(
            files.map((picked) => ({ file: picked, path: picked.name })),
            'picked',
          )
        }
        onOpenSample={opener.openSample}
        shortcutLabel={SHORTCUT_KEY}
        openFolderAction={
          <OpenFolderButton
            onPicked={(files) => {
              const picked = folderFromFiles(files, 'Picked folder');
              folder.openFolder(picked.name, picked.entries, 'picked');
            }}
          />
        }
        extraActions={
          file?.status === 'loaded' && (
            <>
              <ReplayMatchButton open={matchOpen} onToggle={() => setMatchOpen(!matchOpen)} />
              <ShareButton
                key={file.id}
                readSource={openFiles.get(file.id)?.readSource ?? noSource}
                fileName={file.name}
                exchangeCount={file.overview.exchanges.length}
                deepLink={{
                  exchange: state.selectedExchange,
                  view: state.view,
                  positionMs: state.replayPositionMs,
                }}
              />
              <ExportMenu
                key={`export-${file.id}`}
                readSource={openFiles.get(file.id)?.readSource ?? noSource}
                fileName={file.name}
              />
            </>
          )
        }
      />
      <div className={`app-body${state.files.length > 0 ? ' app-body--with-sidebar' : ''}`}>
        {state.files.length > 0 && (
          <aside className="sidebar">
            <PersistControls file={selectedFile(state)} persisted={persisted} />
            <CassetteList
              items={state.files.map((open) => listItem(open, summaries))}
              selectedId={state.selectedFileId}
              onSelect={(id) => {
                folder.showFile();
                dispatch({ type: 'file-selected', id });
              }}
              onClose={(id) => {
                openFiles.close(id);
                dispatch({ type: 'file-closed', id });
              }}
            />
          </aside>
        )}
        <main className="workspace" id="main" tabIndex={-1}>
          {folder.folder && (
            <FolderOverview
              key={folder.folder.key}
              name={folder.folder.name}
              origin={folder.folder.origin}
              files={folder.folder.files}
              skipped={folder.folder.skipped}
              done={folder.folder.done}
              visible={showingList}
              onOpen={folder.openPath}
              onClose={folder.closeFolder}
            />
          )}
          {folder.folder && !showingList && (
            <FolderBackBar folderName={folder.folder.name} onBack={folder.backToList} />
          )}
          {!file && !showingList && (
            <EmptyState onOpenSample={opener.openSample} onOpenFile={openPicker} modifierKey={SHORTCUT_KEY} />
          )}
          {file?.status === 'loading' && (
            <LoadingPanel
              name={file.name}
              sizeBytes={file.sizeBytes}
              stage={file.stage}
              progress={file.progress}
              compact={file.summariesSoFar !== undefined}
            />
          )}
          {file?.status === 'loading' && file.summariesSoFar && (
            // Partially loaded (issue 9): the rows so far; the thread and findings do not exist yet.
            <>
              <section className="interactions-region" aria-label="Interactions table">
                <ExchangeTable
                  key={file.id}
                  exchanges={file.summariesSoFar}
                  selectedExchange={state.selectedExchange}
                  onSelectExchange={selectExchange}
                  filter={search.rowFilter}
                  searchBox={searchBox}
                />
              </section>
              <section className="detail-region" aria-label="Selected interaction">
                <p className="loading-panel__detail" style={{ margin: 'auto' }}>
                  Still loading: the conversation, replay and details open when the whole file is read.
                </p>
              </section>
            </>
          )}
          {file?.status === 'failed' && <LoadFailurePanel failure={file.failure} />}
          {file?.status === 'loaded' && matchOpen && (
            <ReplayMatchView
              key={file.id}
              recorded={{
                ...matchFiles.find((entry) => entry.id === file.id)!,
                format: file.overview.cassette.format,
                recorder: file.overview.cassette.recorder,
              }}
              others={matchFiles.filter((entry) => entry.id !== file.id)}
              onOpenInteraction={openMatchedCall}
              onClose={() => setMatchOpen(false)}
            />
          )}
          {file?.status === 'loaded' && !matchOpen && (
            <>
              <CassetteSummary
                fileName={file.name}
                sizeBytes={file.sizeBytes}
                overview={file.overview}
                loadMs={file.loadMs}
              />
              <FindingsList
                checking={file.overview.doctorChecking}
                anomalies={file.overview.anomalies}
                exchanges={file.overview.exchanges}
                selectedExchange={state.selectedExchange}
                onJump={jumpToFinding}
              />
              <ComparePanel
                key={file.id}
                before={candidates.get(file.id)!}
                others={[...candidates].flatMap(([id, candidate]) => (id === file.id ? [] : [candidate]))}
                loadFile={loadCompareFile}
                renderFailure={(failure) => <LoadFailurePanel failure={failure} />}
              >
                {(compareLauncher) => (
                  <SplitPane
                    sideBySide={sideBySide}
                    storageKey="cassette-viewer.list-share"
                    defaultShare={LIST_SHARE}
                    label="Resize the interactions list"
                    firstId="interactions-pane"
                    first={
                      <section className="interactions-region" aria-label="Interactions table">
                        <ExchangeTable
                          key={file.id}
                          exchanges={file.overview.exchanges}
                          selectedExchange={state.selectedExchange}
                          onSelectExchange={selectExchange}
                          anomalies={file.overview.doctorChecking ? undefined : file.overview.anomalies}
                          filter={search.rowFilter}
                          searchBox={searchBox}
                          toolbarEnd={compareLauncher}
                        />
                      </section>
                    }
                    second={
                      <section
                        className="detail-region"
                        aria-label="Selected interaction"
                        id="interaction-detail"
                        tabIndex={-1}
                      >
                        {search.noMatch ? (
                          <SearchNoMatch query={search.query} onClear={() => search.setQuery('')} />
                        ) : (
                          <InteractionPanel
                            key={file.id}
                            overview={file.overview}
                            exchanges={openFiles.get(file.id)?.exchanges ?? null}
                            selectedExchange={state.selectedExchange}
                            view={state.view}
                            replayPositionMs={state.replayPositionMs}
                            focusEvent={focusEvent}
                            onSelectExchange={selectExchange}
                            onViewChange={changeView}
                            onReplayPositionChange={changePosition}
                            search={search.timeline}
                          />
                        )}
                      </section>
                    }
                  />
                )}
              </ComparePanel>
            </>
          )}
        </main>
      </div>
      <footer className="status-bar">
        <span role="status" className="status-bar__status">
          {showingList && folder.folder
            ? folderStatusText(folder.folder)
            : statusLine(file, summaries, state.files.length)}
        </span>
        {localSource && <LocalSourceNote source={localSource} />}
        <span className="status-bar__privacy">Files are read in this tab and never leave your browser.</span>
      </footer>
    </div>
  );
}
