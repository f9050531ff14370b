/**
 * The selected cassette's detail: the whole conversation, or the raw HTTP / stream replay of the
 * selected interaction, as tabs. Each view is owned by its feature; this file only wires them to
 * the app state. Raw and Replay need the full exchange, which comes from the file's load worker
 * (use-exchange.ts); the conversation needs only the overview.
 */
import { useCallback, useDeferredValue } from 'react';
import type { CassetteOverview } from '../core/model/overview';
import { ConversationTimeline } from '../features/conversation/conversation-timeline';
import type { TimelineSearch } from '../features/conversation/use-search-highlights';
import { RawInspector } from '../features/raw-inspector/raw-inspector';
import { StreamReplay } from '../features/stream-replay/stream-replay';
import { Tabs, type TabItem } from '../ui/tabs';
import { plural } from '../ui/format';
import type { ExchangeStore } from './exchange-store';
import type { InteractionView } from './url-state';
import { useExchange } from './use-exchange';

export interface InteractionPanelProps {
  overview: CassetteOverview;
  /** The file's full exchanges, for Raw and Replay. */
  exchanges: ExchangeStore | null;
  selectedExchange: number | null;
  view: InteractionView;
  replayPositionMs: number | null;
  /** A stream event to show in the Raw view (stream doctor jump); `seq` distinguishes repeated jumps. */
  focusEvent?: { exchange: number; event: number; seq: number } | null;
  onSelectExchange: (index: number) => void;
  onViewChange: (view: InteractionView) => void;
  onReplayPositionChange: (ms: number) => void;
  /** The search's highlights and current match in the conversation (issue 17). */
  search?: TimelineSearch;
}

export function InteractionPanel(props: InteractionPanelProps) {
  const { overview, selectedExchange, view } = props;
  // The timeline mounts in a render and commit of its own, after the table and summary of a file
  // that just loaded (https://react.dev/reference/react/useDeferredValue, initial value), so
  // opening a large file is two shorter main-thread tasks instead of one long one (issue 9).
  const timelineOverview = useDeferredValue<CassetteOverview | null>(overview, null);
  const summary = selectedExchange === null ? undefined : overview.exchanges[selectedExchange];
  const needsFull = summary !== undefined && view !== 'timeline';
  const full = useExchange(props.exchanges, needsFull ? summary.index : null);
  const { exchanges } = props;
  const requestMessages = useCallback(
    (index: number) =>
      exchanges
        ? exchanges.get(index).then((exchange) => exchange.llm.request?.messages ?? [])
        : Promise.reject(new Error('this file is not loaded')),
    [exchanges],
  );
  const callLabel = selectedExchange === null ? '' : `call ${selectedExchange + 1}`;
  const eventCount = summary?.eventCount ?? null;
  const tabs: ReadonlyArray<TabItem<InteractionView>> = [
    { id: 'timeline', label: 'Conversation' },
    { id: 'raw', label: 'Raw', badge: callLabel || undefined },
    {
      id: 'replay',
      label: 'Replay',
      badge: eventCount !== null ? plural(eventCount, 'event') : callLabel || undefined,
    },
  ];

  let content;
  if (overview.exchanges.length === 0) {
    content = <p className="panel-note">This cassette holds no interactions.</p>;
  } else if (view === 'timeline') {
    content = !timelineOverview ? (
      <p className="panel-note">Laying out the conversation…</p>
    ) : (
      <ConversationTimeline
        overview={timelineOverview}
        selectedExchange={selectedExchange}
        onSelectExchange={props.onSelectExchange}
        search={props.search}
        requestMessages={requestMessages}
      />
    );
  } else if (!summary) {
    content = <p className="panel-note">Select an interaction in the table above.</p>;
  } else if (full.status !== 'ready') {
    content = (
      <p className="panel-note" role={full.status === 'failed' ? 'alert' : undefined}>
        {full.status === 'failed'
          ? `Could not show call ${summary.index + 1}: ${full.message}`
          : `Reading call ${summary.index + 1}…`}
      </p>
    );
  } else if (view === 'raw') {
    const focus = props.focusEvent?.exchange === selectedExchange ? props.focusEvent : null;
    content = (
      <RawInspector
        key={`${selectedExchange}:${focus?.seq ?? 0}`}
        exchange={full.exchange}
        focusEventIndex={focus?.event ?? null}
      />
    );
  } else {
    content = (
      <StreamReplay
        key={selectedExchange}
        exchange={full.exchange}
        positionMs={props.replayPositionMs}
        onPositionChange={props.onReplayPositionChange}
      />
    );
  }

  return (
    <Tabs
      idPrefix="interaction"
      label="Interaction views"
      tabs={tabs}
      selected={view}
      onSelect={props.onViewChange}
    >
      {content}
    </Tabs>
  );
}
