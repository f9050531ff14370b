/**
 * What the timeline's nested cards need from the whole thread: the tool links and a way to jump
 * to a card that may not be rendered yet (the list is virtualized, so a plain `#anchor` can miss).
 */
import { createContext, useContext } from 'react';
import type { Message } from '../../core/model/conversation';
import type { Thread } from '../../core/model/thread';
import type { TimelineModel } from './timeline-model';

export interface TimelineContextValue {
  thread: Thread;
  model: TimelineModel;
  /** Scroll to a tool call or result card and move focus to it. */
  jumpToTool: (ordinal: number, side: 'call' | 'result') => void;
  onSelectExchange: (index: number) => void;
  /** A call's request messages, read from the file's full exchange (folded history, history-fold.tsx). */
  requestMessages: (exchangeIndex: number) => Promise<Message[]>;
}

export const TimelineContext = createContext<TimelineContextValue | null>(null);

/** The enclosing timeline; cards are only ever rendered inside one. */
export function useTimelineContext(): TimelineContextValue {
  const value = useContext(TimelineContext);
  if (!value) throw new Error('Timeline cards must be rendered inside ConversationTimeline');
  return value;
}
