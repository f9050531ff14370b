import { describe, expect, it } from 'vitest';
import type { CassetteOverview, ExchangeSummary } from '../core/model/overview';
import { appReducer, INITIAL_APP_STATE, selectedFile, type AppAction, type AppState } from './app-state';

/** A cassette with `count` empty interactions: the reducer only looks at the count. */
function overviewWith(count: number): CassetteOverview {
  const exchanges = Array.from({ length: count }, () => ({}) as ExchangeSummary);
  return {
    cassette: {
      fileName: 'x.yaml',
      format: 'go-vcr-v2',
      formatVariant: 'version 2',
      recorder: null,
      fileDecoding: [],
      warnings: [],
    },
    exchanges,
    thread: { items: [], tools: [], links: [], totalUsage: null },
    anomalies: [],
  };
}

function run(actions: AppAction[], start: AppState = INITIAL_APP_STATE): AppState {
  return actions.reduce(appReducer, start);
}

const open = (id: string): AppAction => ({
  type: 'file-opened',
  id,
  name: `${id}.yaml`,
  sizeBytes: 10,
  origin: 'picked',
});

describe('appReducer', () => {
  it('selects a newly opened file and its first exchange once loaded', () => {
    const state = run([open('a'), { type: 'file-loaded', id: 'a', overview: overviewWith(3), loadMs: 5 }]);
    expect(state.selectedFileId).toBe('a');
    expect(selectedFile(state)?.status).toBe('loaded');
    expect(state.selectedExchange).toBe(0);
  });

  it('selects the first LLM call of a file that mixes them with other HTTP calls', () => {
    const overview = overviewWith(4);
    overview.exchanges = ['HTTP', 'HTTP', 'Sourcegraph · Cody', 'HTTP'].map(
      (apiLabel) => ({ apiLabel }) as ExchangeSummary,
    );
    const state = run([open('a'), { type: 'file-loaded', id: 'a', overview, loadMs: 5 }]);
    expect(state.selectedExchange).toBe(2);
    const plain = overviewWith(2);
    plain.exchanges = [{ apiLabel: 'HTTP' } as ExchangeSummary, { apiLabel: 'HTTP' } as ExchangeSummary];
    expect(
      run([open('b'), { type: 'file-loaded', id: 'b', overview: plain, loadMs: 5 }]).selectedExchange,
    ).toBe(0);
  });

  it('keeps an exchange chosen by the URL when the file has it', () => {
    const state = run([
      { type: 'url-restored', url: { exchange: 2, view: 'replay', positionMs: 1250, extra: [] } },
      open('a'),
      { type: 'file-loaded', id: 'a', overview: overviewWith(3), loadMs: 5 },
    ]);
    expect(state.selectedExchange).toBe(2);
    expect(state.view).toBe('replay');
    expect(state.replayPositionMs).toBe(1250);
  });

  it("files restored in the background leave the URL's call to the one shown (issue 17)", () => {
    const state = run([
      { type: 'url-restored', url: { exchange: 1, view: 'raw', positionMs: null, extra: [] } },
      { ...open('a'), background: true } as AppAction,
      open('b'),
      { ...open('c'), background: true } as AppAction,
      { type: 'file-loaded', id: 'a', overview: overviewWith(3), loadMs: 5 },
      { type: 'file-loaded', id: 'b', overview: overviewWith(3), loadMs: 5 },
      { type: 'file-loaded', id: 'c', overview: overviewWith(3), loadMs: 5 },
    ]);
    expect(state.files.map((file) => file.id)).toEqual(['a', 'b', 'c']);
    expect(state.selectedFileId).toBe('b');
    expect(state.selectedExchange).toBe(1);
    expect(state.view).toBe('raw');
  });

  it('falls back to the first exchange when the URL asks for one the file lacks', () => {
    const state = run([
      { type: 'url-restored', url: { exchange: 9, view: 'timeline', positionMs: null, extra: [] } },
      open('a'),
      { type: 'file-loaded', id: 'a', overview: overviewWith(2), loadMs: 5 },
    ]);
    expect(state.selectedExchange).toBe(0);
  });

  it('keeps earlier files when a later one fails', () => {
    const state = run([
      open('a'),
      { type: 'file-loaded', id: 'a', overview: overviewWith(2), loadMs: 5 },
      open('b'),
      { type: 'file-failed', id: 'b', failure: { fileName: 'b.yaml', message: 'bad', attempts: [] } },
    ]);
    expect(state.files.map((file) => [file.id, file.status])).toEqual([
      ['a', 'loaded'],
      ['b', 'failed'],
    ]);
  });

  it('a failed file gives the selection back to the cassette that was shown (issue 18)', () => {
    const failure = { fileName: 'b.png', message: 'This is a PNG image, not a cassette.', attempts: [] };
    const state = run([
      open('a'),
      { type: 'file-loaded', id: 'a', overview: overviewWith(4), loadMs: 5 },
      { type: 'exchange-selected', index: 2 },
      open('b'),
      { type: 'file-failed', id: 'b', failure },
    ]);
    expect(state.selectedFileId).toBe('a');
    expect(state.selectedExchange).toBe(2);
    // The failure panel stays reachable: selecting the failed entry shows it.
    const shown = appReducer(state, { type: 'file-selected', id: 'b' });
    expect(shown.selectedFileId).toBe('b');
    expect(selectedFile(shown)?.status).toBe('failed');
  });

  it('a failed file stays selected when nothing loaded was shown before it', () => {
    const failure = { fileName: 'b.png', message: 'bad', attempts: [] };
    expect(run([open('b'), { type: 'file-failed', id: 'b', failure }]).selectedFileId).toBe('b');
    // Nor does a failure take the selection when another file was opened after it.
    const state = run([
      open('a'),
      { type: 'file-loaded', id: 'a', overview: overviewWith(1), loadMs: 5 },
      open('b'),
      open('c'),
      { type: 'file-failed', id: 'b', failure },
    ]);
    expect(state.selectedFileId).toBe('c');
  });

  it('switching files resets the exchange and the replay position', () => {
    const state = run([
      open('a'),
      { type: 'file-loaded', id: 'a', overview: overviewWith(4), loadMs: 5 },
      open('b'),
      { type: 'file-loaded', id: 'b', overview: overviewWith(4), loadMs: 5 },
      { type: 'exchange-selected', index: 3 },
      { type: 'replay-position-changed', positionMs: 400 },
      { type: 'file-selected', id: 'a' },
    ]);
    expect(state.selectedFileId).toBe('a');
    expect(state.selectedExchange).toBe(0);
    expect(state.replayPositionMs).toBeNull();
  });

  it('closing the selected file selects the last remaining one', () => {
    const state = run([
      open('a'),
      { type: 'file-loaded', id: 'a', overview: overviewWith(1), loadMs: 5 },
      open('b'),
      { type: 'file-closed', id: 'b' },
    ]);
    expect(state.selectedFileId).toBe('a');
    expect(state.files).toHaveLength(1);
  });

  it('a load finishing for a file in the background does not move the selection', () => {
    const state = run([
      open('a'),
      open('b'),
      { type: 'file-loaded', id: 'a', overview: overviewWith(2), loadMs: 5 },
    ]);
    expect(state.selectedFileId).toBe('b');
    expect(state.selectedExchange).toBeNull();
  });

  it('a file opened later starts at its own first exchange, not the previous selection', () => {
    const state = run([
      open('a'),
      { type: 'file-loaded', id: 'a', overview: overviewWith(5), loadMs: 5 },
      { type: 'exchange-selected', index: 4 },
      open('b'),
      { type: 'file-loaded', id: 'b', overview: overviewWith(5), loadMs: 5 },
    ]);
    expect(state.selectedFileId).toBe('b');
    expect(state.selectedExchange).toBe(0);
  });
});

describe('partially loaded files (issue 9)', () => {
  const some = (count: number) => overviewWith(count).exchanges;

  it('keeps the interactions so far on the loading file until the final overview replaces them', () => {
    const partial = run([open('a'), { type: 'file-batch', id: 'a', summariesSoFar: some(2) }]);
    const file = selectedFile(partial);
    expect(file?.status).toBe('loading');
    expect(file?.status === 'loading' && file.summariesSoFar?.length).toBe(2);
    const more = run([{ type: 'file-batch', id: 'a', summariesSoFar: some(5) }], partial);
    const moreFile = selectedFile(more);
    expect(moreFile?.status === 'loading' && moreFile.summariesSoFar?.length).toBe(5);
    const loaded = run([{ type: 'file-loaded', id: 'a', overview: overviewWith(7), loadMs: 1 }], more);
    const done = selectedFile(loaded);
    expect(done?.status).toBe('loaded');
    expect(done && 'summariesSoFar' in done).toBe(false);
  });

  it('keeps an interaction chosen while loading when the load finishes', () => {
    const state = run([
      open('a'),
      { type: 'file-batch', id: 'a', summariesSoFar: some(3) },
      { type: 'exchange-selected', index: 2 },
      { type: 'file-loaded', id: 'a', overview: overviewWith(9), loadMs: 1 },
    ]);
    expect(state.selectedExchange).toBe(2);
  });

  it('drops the partial rows when the loader starts over, and keeps progress alongside', () => {
    const state = run([
      open('a'),
      { type: 'file-batch', id: 'a', summariesSoFar: some(3) },
      {
        type: 'file-progress',
        id: 'a',
        stage: 'analyzing',
        progress: { bytesDone: 5, bytesTotal: 10, interactionsDone: 3, interactionsTotal: 6 },
      },
      { type: 'file-batch', id: 'a', summariesSoFar: [] },
    ]);
    const file = selectedFile(state);
    expect(file?.status === 'loading' && file.summariesSoFar).toBeUndefined();
    expect(file?.status === 'loading' && file.progress?.interactionsTotal).toBe(6);
  });

  it('ignores batches for a file that already finished or failed', () => {
    const state = run([
      open('a'),
      { type: 'file-loaded', id: 'a', overview: overviewWith(1), loadMs: 1 },
      { type: 'file-batch', id: 'a', summariesSoFar: some(4) },
    ]);
    const file = selectedFile(state);
    expect(file?.status === 'loaded' && file.overview.exchanges.length).toBe(1);
  });
});
