/**
 * View-model hook of the timeline: memoizes the pure `buildTimelineModel` over the cassette
 * overview, so rows and link tables are rebuilt only when another cassette is shown or a run of
 * other HTTP calls is opened.
 */
import { useMemo } from 'react';
import type { CassetteOverview } from '../../core/model/overview';
import { buildTimelineModel, type TimelineModel } from './timeline-model';

/** Rows above this count are virtualized; fewer render at once (find-in-page then sees all text). */
export const VIRTUALIZE_ABOVE_ROWS = 60;

/** `opened`: exchanges whose run of other HTTP calls is shown (timeline-model.ts). */
export function useConversationModel(overview: CassetteOverview, opened: ReadonlySet<number>): TimelineModel {
  return useMemo(() => buildTimelineModel(overview, opened), [overview, opened]);
}
