/**
 * The second pane of the workspace (file-workspace.tsx): the selected interaction's views once the
 * file is loaded, a note while it still loads (the conversation, replay and raw views need the
 * thread and the load worker's full exchanges, which exist only at the end), or the search's "no
 * call matches".
 */
import type { CassetteOverview } from '../core/model/overview';
import type { TimelineSearch } from '../features/conversation/use-search-highlights';
import { SearchNoMatch } from '../features/search/search-no-match';
import type { ExchangeStore } from './exchange-store';
import { InteractionPanel } from './interaction-panel';
import type { InteractionView } from './url-state';

export interface FileDetailPaneProps {
  /** Null while the file still loads. */
  overview: CassetteOverview | null;
  exchanges: ExchangeStore | null;
  selectedExchange: number | null;
  view: InteractionView;
  replayPositionMs: number | null;
  focusEvent: { exchange: number; event: number; seq: number } | null;
  onSelectExchange: (index: number) => void;
  onViewChange: (view: InteractionView) => void;
  onReplayPositionChange: (ms: number) => void;
  timelineSearch: TimelineSearch;
  /** The search leaves no call: its query, and how to clear it. */
  noMatch: { query: string; clear: () => void } | null;
}

export function FileDetailPane(props: FileDetailPaneProps) {
  const { overview, noMatch } = props;
  let content;
  if (!overview)
    content = (
      <p className="loading-panel__detail" style={{ margin: 'auto' }}>
        Still loading: the conversation, replay and details open when the whole file is read.
      </p>
    );
  else if (noMatch) content = <SearchNoMatch query={noMatch.query} onClear={noMatch.clear} />;
  else
    content = (
      <InteractionPanel
        overview={overview}
        exchanges={props.exchanges}
        selectedExchange={props.selectedExchange}
        view={props.view}
        replayPositionMs={props.replayPositionMs}
        focusEvent={props.focusEvent}
        onSelectExchange={props.onSelectExchange}
        onViewChange={props.onViewChange}
        onReplayPositionChange={props.onReplayPositionChange}
        search={props.timelineSearch}
      />
    );
  return (
    <section
      className="detail-region"
      aria-label="Selected interaction"
      id="interaction-detail"
      tabIndex={-1}
    >
      {content}
    </section>
  );
}
