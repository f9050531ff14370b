/**
 * The composition root: app state, the ways files come in, and the layout that places the
 * features. Features never import each other; everything they share passes through here.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { CassetteList } from '../features/cassette-list/cassette-list';
import {
  summarizeCassette,
  type CassetteSummary as Summary,
} from '../features/cassette-summary/summarize-cassette';
import { EmptyState } from '../features/file-drop/empty-state';
import { FolderBackBar } from '../features/folder-overview/folder-back-bar';
import { FolderOverview } from '../features/folder-overview/folder-overview';
import { OpenFolderButton } from '../features/folder-overview/open-folder-button';
import { LoadFailurePanel } from '../features/file-drop/load-failure-panel';
import { PageDropTarget } from '../features/file-drop/page-drop-target';
import { ReplayMatchButton } from '../features/replay-match/replay-match-button';
import { ReplayMatchView } from '../features/replay-match/replay-match-view';
import { ExportMenu } from '../features/export/export-menu';
import { ShareButton } from '../features/share/share-button';
import { useLinkLoader } from '../features/share/use-link-loader';
import { LocalSourceNote } from '../features/local-server/local-source-note';
import { useLocalLoader } from '../features/local-server/use-local-loader';
import { useMediaQuery } from '../ui/use-media-query';
import { AppHeader } from './app-header';
import { appReducer, INITIAL_APP_STATE, selectedFile } from './app-state';
import { folderStatusText, listItem, statusLine } from './app-status';
import type { FileLoader } from './file-loader';
import { EARLY_WORKSPACE_BYTES, FileWorkspace, hasRows } from './file-workspace';
import { folderFromFiles } from './folder-source';
import { OpenFiles } from './open-files';
import { LoadingPanel } from './loading-panel';
import { useFileOpener } from './use-file-opener';
import { useFileSides } from './use-file-sides';
import { useFolderOverview } from './use-folder-overview';
import { useGlobalShortcuts } from './use-global-shortcuts';
import { useInteractionFocus } from './use-interaction-focus';
import { initialStateFromUrl, useUrlSync } from './use-url-sync';
import { useSearchSession } from './use-search-session';
import { usePersistedFiles } from './use-persisted-files';
import { PersistControls } from './persist-controls';

const noSource = () => Promise.resolve(null);

/** Wide enough for the list beside the detail (issue 17): the list keeps ~40% and the detail >55%. */
const SIDE_BY_SIDE_QUERY = '(min-width: 1500px)';

const SHORTCUT_KEY = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '') ? '⌘' : 'Ctrl';

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

  const openPicker = useCallback(() => opener.pickFiles(() => fileInputRef.current?.click()), [opener]);
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
  // A large file's workspace mounts before its first rows, in a background render (file-workspace.tsx).
  const earlyId = useDeferredValue(
    file?.status === 'loading' && file.sizeBytes >= EARLY_WORKSPACE_BYTES ? file.id : null,
  );
  const early = file?.status === 'loading' && earlyId === file.id;
  const workspaceFile = file && file.status !== 'failed' && (hasRows(file) || early) ? file : null;
  const store = file?.status === 'loaded' ? (openFiles.get(file.id)?.exchanges ?? null) : null;
  const focus = useInteractionFocus(dispatch, store);
  const sides = useFileSides(state.files, openFiles);
  // "Would it replay?" (issue 20) in place of the workspace.
  const [matchOpen, setMatchOpen] = useState(false);
  const openMatchedCall = useCallback((id: string, index: number) => {
    setMatchOpen(false);
    dispatch({ type: 'file-selected', id });
    dispatch({ type: 'exchange-selected', index });
    dispatch({ type: 'view-changed', view: 'raw' });
  }, []);
  const search = useSearchSession({
    file,
    store,
    selectedExchange: state.selectedExchange,
    select: focus.select,
    showConversation: useCallback(() => dispatch({ type: 'view-changed', view: 'timeline' }), []),
  });

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
        onOpenFile={openPicker}
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
          {file?.status === 'loading' && !workspaceFile && (
            <LoadingPanel
              name={file.name}
              sizeBytes={file.sizeBytes}
              stage={file.stage}
              progress={file.progress}
            />
          )}
          {file?.status === 'failed' && <LoadFailurePanel failure={file.failure} />}
          {file?.status === 'loaded' && matchOpen && (
            <ReplayMatchView
              key={file.id}
              recorded={{
                ...sides.matchFiles.find((entry) => entry.id === file.id)!,
                format: file.overview.cassette.format,
                recorder: file.overview.cassette.recorder,
              }}
              others={sides.matchFiles.filter((entry) => entry.id !== file.id)}
              onOpenInteraction={openMatchedCall}
              onClose={() => setMatchOpen(false)}
            />
          )}
          {/* One element from the first rows to the loaded file: the table is never rebuilt (issue 15). */}
          {workspaceFile && !(workspaceFile.status === 'loaded' && matchOpen) && (
            <FileWorkspace
              key={workspaceFile.id}
              file={workspaceFile}
              store={store}
              search={search}
              sideBySide={sideBySide}
              candidates={sides.candidates}
              loadCompareFile={sides.loadCompareFile}
              selectedExchange={state.selectedExchange}
              view={state.view}
              replayPositionMs={state.replayPositionMs}
              focusEvent={focus.focusEvent}
              onSelectExchange={focus.selectExchange}
              onJumpToFinding={focus.jumpToFinding}
              onViewChange={focus.changeView}
              onReplayPositionChange={focus.changePosition}
            />
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
