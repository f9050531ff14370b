/**
 * Messages a request repeats from earlier in the thread, folded ("3 earlier messages") and
 * expandable (issue 4, "One thread"). Expanded copies have no anchors: links point to originals.
 */
import { useState } from 'react';
import type { Message } from '../../core/model/conversation';
import { MessageCard } from './message-card';
import { formatCount } from '../../ui/format';

export interface HistoryFoldProps {
  messages: Message[];
}

export function HistoryFold({ messages }: HistoryFoldProps) {
  const [open, setOpen] = useState(false);
  const count = messages.length;
  const roles = [...new Set(messages.map((message) => message.role))].join(', ');
  return (
    <div className="cv-history">
      <button type="button" className="cv-history-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? '▾' : '▸'} {formatCount(count)} earlier message{count === 1 ? '' : 's'}
        <span className="cv-muted"> repeated from the history ({roles})</span>
      </button>
      {open && (
        <div className="cv-history-body">
          {messages.map((message, index) => (
            <MessageCard key={index} message={message} itemIndex={null} />
          ))}
        </div>
      )}
    </div>
  );
}
