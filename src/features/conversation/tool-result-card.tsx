/**
 * A tool result, sent back by the client in a later request. It names the call it answers and
 * links back to it ("← call #1 add"); a result that answers no known call is flagged.
 */
import type { PartRef } from '../../core/model/thread';
import type { ToolResultPart } from '../../core/model/conversation';
import { useTimelineContext } from './timeline-context';
import { partKey, toolAnchorId } from './timeline-model';
import { ContentPartList } from './content-part-list';

export interface ToolResultCardProps {
  part: ToolResultPart;
  at: PartRef | null;
}

export function ToolResultCard({ part, at }: ToolResultCardProps) {
  const { model, jumpToTool } = useTimelineContext();
  const link = at ? model.linkByResult.get(partKey(at)) : undefined;
  const name = part.name ?? link?.name;
  return (
    <article
      className={`cv-tool-result${part.isError ? ' cv-tool-result-error' : ''}`}
      id={link ? toolAnchorId(link.ordinal, 'result') : undefined}
      tabIndex={-1}
      aria-label={`Tool result${link ? ` for call #${link.ordinal} ${link.name}` : ''}`}
    >
      <header className="cv-tool-head">
        <span className="cv-tool-name">Result{name ? ` of ${name}` : ''}</span>
        {part.isError && <span className="cv-tag cv-tag-error">error</span>}
        {part.callId && <code className="cv-tool-id">{part.callId}</code>}
        {link ? (
          <button type="button" className="cv-link-button" onClick={() => jumpToTool(link.ordinal, 'call')}>
            ← call #{link.ordinal} {link.name}
          </button>
        ) : (
          at && <span className="cv-warning-inline">answers no known call</span>
        )}
      </header>
      <ContentPartList parts={part.content} at={null} />
    </article>
  );
}
