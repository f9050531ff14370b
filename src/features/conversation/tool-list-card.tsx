/**
 * The tools a server offered the model (OpenAI Responses `mcp_list_tools`,
 * https://platform.openai.com/docs/guides/tools-remote-mcp): a list of names with their
 * descriptions, not a call, so it carries no ordinal and no result.
 */
import type { ContentPart } from '../../core/model/conversation';
import { formatCount } from '../../ui/format';

export function ToolListCard({ part }: { part: Extract<ContentPart, { kind: 'tool-list' }> }) {
  const source = part.server ?? 'the server';
  return (
    <details className="cv-fold cv-tool-list">
      <summary>
        Tools offered by {source}: {formatCount(part.tools.length)}{' '}
        {part.tools.length === 1 ? 'tool' : 'tools'}
        {part.tools.length > 0 && ` (${part.tools.map((tool) => tool.name).join(', ')})`}
      </summary>
      {part.error && (
        <p className="cv-warning" role="note">
          ⚠ Listing the tools failed: {part.error}
        </p>
      )}
      {part.tools.length > 0 && (
        <dl className="cv-tool-list__items">
          {part.tools.map((tool, index) => (
            <div key={index}>
              <dt>
                <code>{tool.name}</code>
              </dt>
              <dd>{tool.description ?? <span className="cv-muted">no description</span>}</dd>
            </div>
          ))}
        </dl>
      )}
    </details>
  );
}
