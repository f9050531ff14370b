/**
 * One row of the timeline, by kind: the tool panel, a thread item (boundary, folded history,
 * message, error, raw exchange), a folded run of other HTTP calls, or the total usage. Rows of the selected exchange are marked.
 */
import { memo } from 'react';
import type { CassetteOverview } from '../../core/model/overview';
import type { TimelineRow as Row } from './timeline-model';
import { BoundaryHeader } from './boundary-header';
import { ErrorCard } from './error-card';
import { HistoryFold } from './history-fold';
import { MessageCard } from './message-card';
import { OtherCallsLine } from './other-calls-line';
import { ToolDefinitionsPanel } from './tool-definitions-panel';
import { UnreadBodyCard } from './unread-body-card';
import { UsageLine } from './usage-line';
import { formatCount } from '../../ui/format';

export interface TimelineRowProps {
  row: Row;
  overview: CassetteOverview;
  selected: boolean;
  onSelectExchange: (index: number) => void;
  /** Opens a folded run of other HTTP calls (its exchange indices). */
  onOpenCalls: (exchanges: readonly number[]) => void;
}

export const TimelineRow = memo(function TimelineRow({
  row,
  overview,
  selected,
  onSelectExchange,
  onOpenCalls,
}: TimelineRowProps) {
  if (row.kind === 'tools') return <ToolDefinitionsPanel tools={overview.thread.tools} />;
  if (row.kind === 'total') {
    return (
      <div className="cv-total">
        <span className="cv-total-label">Total over {formatCount(overview.exchanges.length)} calls</span>
        <UsageLine usage={overview.thread.totalUsage} label="Total usage" />
      </div>
    );
  }
  if (row.kind === 'other-calls') {
    const calls = row.exchanges.flatMap((index) => overview.exchanges[index] ?? []);
    return <OtherCallsLine calls={calls} onOpen={() => onOpenCalls(row.exchanges)} />;
  }
  const { item, itemIndex } = row;
  const marked = selected ? ' cv-in-selected' : '';
  switch (item.kind) {
    case 'boundary':
      return <BoundaryHeader boundary={item.boundary} selected={selected} onSelect={onSelectExchange} />;
    case 'history':
      return (
        <div className={`cv-item${marked}`}>
          <HistoryFold exchangeIndex={item.exchangeIndex} count={item.count} roles={item.roles} />
        </div>
      );
    case 'message':
      return (
        <div className={`cv-item${marked}`}>
          <MessageCard message={item.message} itemIndex={itemIndex} source={item.source} />
        </div>
      );
    case 'error':
      return (
        <div className={`cv-item${marked}`}>
          <ErrorCard status={item.status} error={item.error} exchangeIndex={item.exchangeIndex} />
        </div>
      );
    case 'raw': {
      const exchange = overview.exchanges[item.exchangeIndex];
      return (
        <div className={`cv-item cv-raw-item${marked}`}>
          <p>
            No LLM API recognised in this call
            {exchange ? ` (${exchange.method} ${exchange.url.slice(0, 120)})` : ''}.
          </p>
          <button
            type="button"
            className="cv-link-button"
            onClick={() => onSelectExchange(item.exchangeIndex)}
          >
            Show the raw HTTP
          </button>
        </div>
      );
    }
    case 'unread-body':
      return (
        <div className={`cv-item${marked}`}>
          <UnreadBodyCard body={item.body} exchangeIndex={item.exchangeIndex} onShowRaw={onSelectExchange} />
        </div>
      );
    default:
      return null;
  }
});
