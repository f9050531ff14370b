/**
 * The selected cassette's detail: the whole conversation, or the raw HTTP / stream replay of the
 * selected interaction, as tabs. Each view is owned by its feature; this file only wires them to
 * the app state.
 */
import type { AnalyzedCassette } from '../core/model/analysis';
import { ConversationTimeline } from '../features/conversation/conversation-timeline';
import { RawInspector } from '../features/raw-inspector/raw-inspector';
import { StreamReplay } from '../features/stream-replay/stream-replay';
import { Tabs, type TabItem } from '../ui/tabs';
import { plural } from '../ui/format';
import type { InteractionView } from './url-state';

export interface InteractionPanelProps {
  analyzed: AnalyzedCassette;
  selectedExchange: number | null;
  view: InteractionView;
  replayPositionMs: number | null;
  /** A stream event to show in the Raw view (stream doctor jump); `seq` distinguishes repeated jumps. */
  focusEvent?: { exchange: number; event: number; seq: number } | null;
  onSelectExchange: (index: number) => void;
  onViewChange: (view: InteractionView) => void;
  onReplayPositionChange: (ms: number) => void;
}

export function InteractionPanel(props: InteractionPanelProps) {
  const { analyzed, selectedExchange, view } = props;
  const exchange = selectedExchange === null ? undefined : analyzed.exchanges[selectedExchange];
  const callLabel = selectedExchange === null ? '' : `call ${selectedExchange + 1}`;
  const streamed = exchange?.llm.stream ?? null;
  const tabs: ReadonlyArray<TabItem<InteractionView>> = [
    { id: 'timeline', label: 'Conversation' },
    { id: 'raw', label: 'Raw', badge: callLabel || undefined },
    {
      id: 'replay',
      label: 'Replay',
      badge: streamed ? plural(streamed.events.length, 'event') : callLabel || undefined,
    },
  ];

  let content;
  if (analyzed.exchanges.length === 0) {
    content = <p className="panel-note">This cassette holds no interactions.</p>;
  } else if (view === 'timeline') {
    content = (
      <ConversationTimeline
        analyzed={analyzed}
        selectedExchange={selectedExchange}
        onSelectExchange={props.onSelectExchange}
      />
    );
  } else if (!exchange) {
    content = <p className="panel-note">Select an interaction in the table above.</p>;
  } else if (view === 'raw') {
    const focus = props.focusEvent?.exchange === selectedExchange ? props.focusEvent : null;
    content = (
      <RawInspector
        key={`${selectedExchange}:${focus?.seq ?? 0}`}
        exchange={exchange}
        focusEventIndex={focus?.event ?? null}
      />
    );
  } else {
    content = (
      <StreamReplay
        key={selectedExchange}
        exchange={exchange}
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
