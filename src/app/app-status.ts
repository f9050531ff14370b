/**
 * What the shell says about its files in words: the `role="status"` line at the foot of the page
 * (the one the bench and the e2e tests read: "4,000 interactions" only once every row is in) and
 * each file's entry in the sidebar's list.
 */
import type { CassetteListItem } from '../features/cassette-list/cassette-list';
import { statusText, type CassetteSummary } from '../features/cassette-summary/summarize-cassette';
import { plural } from '../ui/format';
import type { FileEntry } from './app-state';
import { partialStatusText, STAGE_LABELS } from './loading-panel';
import type { OpenedFolder } from './use-folder-overview';

export function listItem(file: FileEntry, summaries: Map<string, CassetteSummary>): CassetteListItem {
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

export function statusLine(
  file: FileEntry | null,
  summaries: Map<string, CassetteSummary>,
  openCount: number,
): string {
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

export function folderStatusText({ name, files, done }: OpenedFolder): string {
  return done < files.length
    ? `${name}: read ${done.toLocaleString('en-US')} of ${files.length.toLocaleString('en-US')} files`
    : `${name}: ${files.length.toLocaleString('en-US')} cassette files read`;
}
