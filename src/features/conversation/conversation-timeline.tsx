/**
 * The conversation timeline: one thread across all interactions of a cassette (issues 2 and 4).
 * Each HTTP call's boundary stays visible; the selected exchange is highlighted and scrolled into
 * view; tool calls and results link both ways. Long threads are virtualized with
 * @tanstack/react-virtual (https://tanstack.com/virtual/latest/docs/api/virtualizer), measuring
 * each row since messages vary in height (issue 9); short ones render whole so find-in-page
 * sees every word.
 */
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import type { Message } from '../../core/model/conversation';
import type { CassetteOverview } from '../../core/model/overview';
import { TimelineContext, type TimelineContextValue } from './timeline-context';
import { toolAnchorId } from './timeline-model';
import { TimelineRow } from './timeline-row';
import { useConversationModel, VIRTUALIZE_ABOVE_ROWS } from './use-conversation-model';
import { VirtualRows, type VirtualRowsHandle } from './virtual-rows';
import { useSearchHighlights, type TimelineSearch } from './use-search-highlights';
import './conversation.css';

export interface ConversationTimelineProps {
  overview: CassetteOverview;
  selectedExchange: number | null;
  onSelectExchange: (index: number) => void;
  /** The search's terms, the calls it leaves and the current match (issue 17). */
  search?: TimelineSearch;
  /** A call's request messages, from the file's full exchange: what a folded history shows when opened. */
  requestMessages: (exchangeIndex: number) => Promise<Message[]>;
}

export function ConversationTimeline({
  overview,
  selectedExchange,
  onSelectExchange,
  search,
  requestMessages,
}: ConversationTimelineProps) {
  // Runs of other HTTP calls fold into one line (issue 16); `opened` holds the ones shown. The
  // selected call is never folded away: selected from elsewhere (table, URL), its run opens, by
  // adjusting state while rendering
  // (https://react.dev/learn/you-might-not-need-an-effect#adjusting-some-state-when-a-prop-changes).
  const [opened, setOpened] = useState<ReadonlySet<number>>(() => new Set());
  const model = useConversationModel(overview, opened);
  const foldRow = selectedExchange === null ? undefined : model.rowByExchange.get(selectedExchange);
  const fold = foldRow === undefined ? undefined : model.rows[foldRow];
  if (fold?.kind === 'other-calls') setOpened(new Set([...opened, ...fold.exchanges]));
  const openCalls = useCallback(
    (exchanges: readonly number[]) => setOpened((previous) => new Set([...previous, ...exchanges])),
    [],
  );
  const scrollRef = useRef<HTMLDivElement | null>(null);
  // The virtualizer needs the scroll element when its layout effect runs, but a parent's ref is
  // attached after its children's layout effects; holding it in state re-renders once it exists.
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  const attachScroll = useCallback((element: HTMLDivElement | null) => {
    scrollRef.current = element;
    setScrollElement(element);
  }, []);
  const virtualRef = useRef<VirtualRowsHandle>(null);
  const virtualized = model.rows.length > VIRTUALIZE_ABOVE_ROWS;

  /** Bring a row into view (rendering it first when virtualized), then run `then` on the next frame. */
  const revealRow = useCallback(
    (rowIndex: number, elementId: string | null, focus: boolean) => {
      if (virtualized) virtualRef.current?.scrollToRow(rowIndex);
      const show = () => {
        const element = elementId ? document.getElementById(elementId) : null;
        const row = scrollRef.current?.querySelector<HTMLElement>(`[data-row="${rowIndex}"]`);
        const target = element ?? row;
        const container = scrollRef.current;
        if (target && container) scrollWithin(container, target, elementId ? 'center' : 'start');
        if (focus && element) element.focus({ preventScroll: true });
      };
      requestAnimationFrame(() => requestAnimationFrame(show));
    },
    [virtualized],
  );

  const jumpToTool = useCallback(
    (ordinal: number, side: 'call' | 'result') => {
      const link = overview.thread.links.find((candidate) => candidate.ordinal === ordinal);
      const ref = side === 'call' ? link?.call : link?.result;
      const rowIndex = ref ? model.rowByItem.get(ref.item) : undefined;
      if (rowIndex !== undefined) revealRow(rowIndex, toolAnchorId(ordinal, side), true);
    },
    [overview, model, revealRow],
  );

  // An effect event reads the latest model without depending on it, so opening a run of other
  // calls does not scroll back to the selected call (https://react.dev/reference/react/useEffectEvent).
  const revealSelected = useEffectEvent((exchangeIndex: number) => {
    const rowIndex = model.rowByExchange.get(exchangeIndex);
    if (rowIndex === undefined) return;
    // The first call keeps the top in view, so the tool definitions and folded lines above it stay visible.
    const first = model.rows.slice(0, rowIndex).every((row) => row.kind !== 'item');
    revealRow(first ? 0 : rowIndex, null, false);
  });
  useEffect(() => {
    if (selectedExchange !== null) revealSelected(selectedExchange);
  }, [selectedExchange, overview]);

  const scrollToRow = useCallback(
    (rowIndex: number) => {
      if (virtualized) virtualRef.current?.scrollToRow(rowIndex);
    },
    [virtualized],
  );
  const scrollToTarget = useCallback((target: { getBoundingClientRect(): DOMRect }) => {
    if (scrollRef.current) scrollWithin(scrollRef.current, target, 'center');
  }, []);
  useSearchHighlights(scrollElement, model, search, scrollToRow, scrollToTarget);

  const context = useMemo<TimelineContextValue>(
    () => ({ thread: overview.thread, model, jumpToTool, onSelectExchange, requestMessages }),
    [overview, model, jumpToTool, onSelectExchange, requestMessages],
  );

  const renderRow = useCallback(
    (rowIndex: number) => {
      const row = model.rows[rowIndex];
      if (!row) return null;
      const exchangeIndex = row.kind === 'item' ? row.item.exchangeIndex : null;
      return (
        <TimelineRow
          row={row}
          overview={overview}
          selected={exchangeIndex !== null && exchangeIndex === selectedExchange}
          onSelectExchange={onSelectExchange}
          onOpenCalls={openCalls}
        />
      );
    },
    [model, overview, selectedExchange, onSelectExchange, openCalls],
  );

  return (
    <TimelineContext.Provider value={context}>
      <div className="cv-timeline" ref={attachScroll} role="region" aria-label="Conversation">
        {model.rows.length === 0 ? (
          <p className="cv-muted cv-empty">This cassette has no interactions.</p>
        ) : virtualized ? (
          <VirtualRows
            ref={virtualRef}
            count={model.rows.length}
            scrollElement={scrollElement}
            renderRow={renderRow}
          />
        ) : (
          model.rows.map((row, rowIndex) => (
            <div key={row.key} className="cv-row" data-row={rowIndex}>
              {renderRow(rowIndex)}
            </div>
          ))
        )}
      </div>
    </TimelineContext.Provider>
  );
}

/**
 * Scroll only the timeline, not the page around it (Element.scrollIntoView would also move every
 * scrollable ancestor, pushing the table above out of view).
 */
function scrollWithin(
  container: HTMLElement,
  target: { getBoundingClientRect(): DOMRect },
  align: 'start' | 'center',
) {
  const box = container.getBoundingClientRect();
  const rect = target.getBoundingClientRect();
  const offset =
    align === 'start' ? rect.top - box.top - 8 : rect.top - box.top - (box.height - rect.height) / 2;
  container.scrollTop += offset;
}
