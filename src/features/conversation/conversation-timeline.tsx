/**
 * The conversation timeline: one thread across all interactions of a cassette (issue 2, 4).
 * Minimal first version so the app shell can mount it; built out in the same folder.
 */
import type { AnalyzedCassette } from '../../core/model/analysis';

export interface ConversationTimelineProps {
  analyzed: AnalyzedCassette;
  selectedExchange: number | null;
  onSelectExchange: (index: number) => void;
}

export function ConversationTimeline({ analyzed, selectedExchange, onSelectExchange }: ConversationTimelineProps) {
  return (
    <section aria-label="Conversation" className="conversation-timeline">
      {analyzed.exchanges.map((exchange, index) => (
        <button
          key={index}
          type="button"
          aria-pressed={selectedExchange === index}
          onClick={() => onSelectExchange(index)}
        >
          Call #{index + 1} {exchange.http.request.method} {exchange.http.request.url}
        </button>
      ))}
    </section>
  );
}
