/**
 * The app's state, one reducer (https://react.dev/reference/react/useReducer): the open files,
 * which one is selected, the selected interaction, the interaction view and the replay position.
 * The last three mirror the URL fragment (url-state.ts) so Back/Forward and shared links work.
 */
import { isLlmCall } from '../core/llm-call';
import type { CassetteOverview, ExchangeSummary } from '../core/model/overview';
import type { LoadFailure } from '../core/model/errors';
import type { LoadProgress, LoadStage } from '../workers/load-protocol';
import type { InteractionView, UrlState } from './url-state';

/** Where a file came from, shown next to its name. */
export type FileOrigin = 'picked' | 'dropped' | 'pasted' | 'sample' | 'link' | 'folder';

interface FileEntryBase {
  id: string;
  name: string;
  sizeBytes: number;
  origin: FileOrigin;
}

export type FileEntry =
  | (FileEntryBase & {
      status: 'loading';
      stage: LoadStage | 'reading';
      progress?: LoadProgress;
      /**
       * Partially loaded (issue 9): the interactions received so far, in file order, while a large
       * file still loads. No thread or findings exist yet; the final overview replaces it.
       */
      summariesSoFar?: ExchangeSummary[];
      /** What was shown when this file was opened, shown again if it fails (issue 18). */
      returnTo?: { fileId: string; exchange: number | null };
    })
  | (FileEntryBase & { status: 'loaded'; overview: CassetteOverview; loadMs: number })
  | (FileEntryBase & { status: 'failed'; failure: LoadFailure });

export interface AppState {
  files: FileEntry[];
  selectedFileId: string | null;
  selectedExchange: number | null;
  view: InteractionView;
  replayPositionMs: number | null;
}

export type AppAction =
  | {
      type: 'file-opened';
      id: string;
      name: string;
      sizeBytes: number;
      origin: FileOrigin;
      /** Added to the list without taking the selection (files restored after a reload, issue 17). */
      background?: boolean;
    }
  | { type: 'file-progress'; id: string; stage: LoadStage; progress?: LoadProgress }
  | { type: 'file-batch'; id: string; summariesSoFar: ExchangeSummary[] }
  | { type: 'file-loaded'; id: string; overview: CassetteOverview; loadMs: number }
  | { type: 'file-failed'; id: string; failure: LoadFailure }
  /** The file is read again from new bytes (OpenFile.reload): it shows as loading until they are in. */
  | { type: 'file-reloading'; id: string; sizeBytes: number }
  | { type: 'file-selected'; id: string }
  | { type: 'file-closed'; id: string }
  | { type: 'exchange-selected'; index: number | null }
  | { type: 'view-changed'; view: InteractionView }
  | { type: 'replay-position-changed'; positionMs: number | null }
  | { type: 'url-restored'; url: UrlState };

export const INITIAL_APP_STATE: AppState = {
  files: [],
  selectedFileId: null,
  selectedExchange: null,
  view: 'timeline',
  replayPositionMs: null,
};

function replaceFile(files: FileEntry[], id: string, next: (file: FileEntry) => FileEntry): FileEntry[] {
  return files.map((file) => (file.id === id ? next(file) : file));
}

/**
 * The first LLM call is selected when a file finishes loading (the first exchange when none is
 * one), unless the URL chose one: a cassette that mixes LLM calls with other HTTP calls shows the
 * LLM calls first (issue 16).
 */
function firstExchange(overview: CassetteOverview, wanted: number | null): number | null {
  const count = overview.exchanges.length;
  if (count === 0) return null;
  if (wanted !== null && wanted < count) return wanted;
  return Math.max(0, overview.exchanges.findIndex(isLlmCall));
}

export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'file-opened': {
      const { type: _type, background, ...base } = action;
      if (background)
        return { ...state, files: [...state.files, { ...base, status: 'loading', stage: 'reading' }] };
      // The newest file becomes the selected one: the user just asked to see it. A position taken
      // from the URL applies to the first file shown only; later files start at their first exchange.
      const first = state.selectedFileId === null;
      const returnTo =
        state.selectedFileId === null
          ? undefined
          : { fileId: state.selectedFileId, exchange: state.selectedExchange };
      return {
        ...state,
        files: [...state.files, { ...base, status: 'loading', stage: 'reading', returnTo }],
        selectedFileId: action.id,
        selectedExchange: first ? state.selectedExchange : null,
        replayPositionMs: first ? state.replayPositionMs : null,
      };
    }
    case 'file-progress':
      return {
        ...state,
        files: replaceFile(state.files, action.id, (file) =>
          file.status === 'loading'
            ? { ...file, stage: action.stage, progress: action.progress ?? file.progress }
            : file,
        ),
      };
    case 'file-batch':
      return {
        ...state,
        files: replaceFile(state.files, action.id, (file) =>
          file.status === 'loading'
            ? {
                ...file,
                summariesSoFar: action.summariesSoFar.length > 0 ? action.summariesSoFar : undefined,
              }
            : file,
        ),
      };
    case 'file-loaded': {
      const files = replaceFile(state.files, action.id, (file) => ({
        id: file.id,
        name: file.name,
        sizeBytes: file.sizeBytes,
        origin: file.origin,
        status: 'loaded',
        overview: action.overview,
        loadMs: action.loadMs,
      }));
      if (state.selectedFileId !== action.id) return { ...state, files };
      return { ...state, files, selectedExchange: firstExchange(action.overview, state.selectedExchange) };
    }
    case 'file-failed': {
      // A failed file never takes the selection away from a loaded one (issue 18): the cassette
      // that was shown stays shown; the failure is in the file list, its panel one click away.
      const failed = state.files.find((file) => file.id === action.id);
      const back = failed?.status === 'loading' ? failed.returnTo : undefined;
      const backTo = back && state.files.find((file) => file.id === back.fileId);
      const restore = state.selectedFileId === action.id && backTo?.status === 'loaded';
      return {
        ...state,
        ...(restore && back ? { selectedFileId: back.fileId, selectedExchange: back.exchange } : {}),
        files: replaceFile(state.files, action.id, (file) => ({
          id: file.id,
          name: file.name,
          sizeBytes: file.sizeBytes,
          origin: file.origin,
          status: 'failed',
          failure: action.failure,
        })),
      };
    }
    case 'file-reloading':
      return {
        ...state,
        files: replaceFile(state.files, action.id, (file) => ({
          id: file.id,
          name: file.name,
          sizeBytes: action.sizeBytes,
          origin: file.origin,
          status: 'loading',
          stage: 'reading',
        })),
      };
    case 'file-selected': {
      if (state.selectedFileId === action.id) return state;
      const file = state.files.find((candidate) => candidate.id === action.id);
      if (!file) return state;
      const selectedExchange = file.status === 'loaded' ? firstExchange(file.overview, null) : null;
      return { ...state, selectedFileId: action.id, selectedExchange, replayPositionMs: null };
    }
    case 'file-closed': {
      const files = state.files.filter((file) => file.id !== action.id);
      if (state.selectedFileId !== action.id) return { ...state, files };
      const next = files.at(-1) ?? null;
      return {
        ...state,
        files,
        selectedFileId: next?.id ?? null,
        selectedExchange: next?.status === 'loaded' ? firstExchange(next.overview, null) : null,
        replayPositionMs: null,
      };
    }
    case 'exchange-selected':
      if (state.selectedExchange === action.index) return state;
      return { ...state, selectedExchange: action.index, replayPositionMs: null };
    case 'view-changed':
      return state.view === action.view ? state : { ...state, view: action.view };
    case 'replay-position-changed':
      return { ...state, replayPositionMs: action.positionMs };
    case 'url-restored':
      return {
        ...state,
        selectedExchange: action.url.exchange ?? state.selectedExchange,
        view: action.url.view,
        replayPositionMs: action.url.positionMs,
      };
  }
}

/** The selected file, if any. */
export function selectedFile(state: AppState): FileEntry | null {
  return state.files.find((file) => file.id === state.selectedFileId) ?? null;
}
