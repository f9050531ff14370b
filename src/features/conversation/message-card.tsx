/**
 * One message, styled by role (system, developer, user, assistant, tool). The header names the
 * role, the participant name if any, and whether it came from the request or the response.
 */
import type { Message } from '../../core/model/conversation';
import { ContentPartList } from './content-part-list';

export interface MessageCardProps {
  message: Message;
  /** Thread item index for tool anchors, or null inside folded history. */
  itemIndex: number | null;
  source?: 'request' | 'response';
}

const ROLE_LABELS: Record<Message['role'], string> = {
  system: 'System',
  developer: 'Developer',
  user: 'User',
  assistant: 'Assistant',
  tool: 'Tool',
};

export function MessageCard({ message, itemIndex, source }: MessageCardProps) {
  const label = ROLE_LABELS[message.role] ?? message.role;
  return (
    <section className={`cv-message cv-role-${message.role}`} aria-label={`${label} message`}>
      <header className="cv-message-head">
        <span className="cv-role">{label}</span>
        {message.name && <span className="cv-muted">{message.name}</span>}
        {source === 'response' && <span className="cv-muted">response</span>}
      </header>
      {message.parts.length > 0 ? (
        <ContentPartList parts={message.parts} at={itemIndex} generated={message.role === 'assistant'} />
      ) : (
        <p className="cv-muted">(empty message)</p>
      )}
    </section>
  );
}
