/**
 * Messages a request repeats from earlier in the thread, folded ("3 earlier messages") and
 * expandable (issue 4, "One thread"). Expanded copies have no anchors: links point to originals.
 * The thread carries only their count and roles; the messages are this request's own, read from
 * the file's exchange when the fold opens (model/thread.ts says why).
 */
import { useEffect, useState } from 'react';
import type { Message, Role } from '../../core/model/conversation';
import { MessageCard } from './message-card';
import { formatCount } from '../../ui/format';
import { useTimelineContext } from './timeline-context';

export interface HistoryFoldProps {
  /** The call whose request repeats them. */
  exchangeIndex: number;
  count: number;
  roles: readonly Role[];
}

export function HistoryFold({ exchangeIndex, count, roles }: HistoryFoldProps) {
  const [open, setOpen] = useState(false);
  return (
    <div className="cv-history">
      <button type="button" className="cv-history-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? '▾' : '▸'} {formatCount(count)} earlier message{count === 1 ? '' : 's'}
        <span className="cv-muted"> repeated from the history ({roles.join(', ')})</span>
      </button>
      {open && (
        <div className="cv-history-body">
          <FoldedMessages exchangeIndex={exchangeIndex} count={count} />
        </div>
      )}
    </div>
  );
}

type Answer =
  { status: 'loading' } | { status: 'ready'; messages: Message[] } | { status: 'failed'; message: string };

function FoldedMessages({ exchangeIndex, count }: { exchangeIndex: number; count: number }) {
  const { requestMessages } = useTimelineContext();
  const [answer, setAnswer] = useState<Answer>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    requestMessages(exchangeIndex).then(
      (messages) => current && setAnswer({ status: 'ready', messages: messages.slice(0, count) }),
      (error: unknown) =>
        current &&
        setAnswer({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [requestMessages, exchangeIndex, count]);
  if (answer.status === 'loading')
    return <p className="cv-muted">Reading the request of call #{exchangeIndex + 1}…</p>;
  if (answer.status === 'failed')
    return (
      <p role="alert">
        Could not read the request of call #{exchangeIndex + 1}: {answer.message}
      </p>
    );
  return answer.messages.map((message, index) => (
    <MessageCard key={index} message={message} itemIndex={null} />
  ));
}
