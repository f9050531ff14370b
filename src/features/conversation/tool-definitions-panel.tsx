/**
 * The tools offered to the model, each shown once for the whole cassette, with its JSON schema
 * and how many calls the model made to it (issue 4, "Tool definitions"). Collapsed by default.
 */
import type { ThreadTool } from '../../core/model/thread';
import { stringifyValue } from '../../ui/markdown/format-json';
import { ShowMoreText } from '../../ui/markdown/show-more-text';
import { formatCount } from '../../ui/format';

export interface ToolDefinitionsPanelProps {
  tools: ThreadTool[];
}

export function ToolDefinitionsPanel({ tools }: ToolDefinitionsPanelProps) {
  return (
    <details className="cv-tools">
      <summary>
        Tools offered{' '}
        <span className="cv-muted">· {tools.map((tool) => tool.definition.name).join(', ')}</span>
      </summary>
      <ul className="cv-tool-list">
        {tools.map((tool) => (
          <li key={`${tool.definition.type}:${tool.definition.name}`} className="cv-tool-def">
            <details>
              <summary>
                <span className="cv-tool-name">{tool.definition.name}</span>
                {tool.definition.type !== 'function' && (
                  <span className="cv-tag">{tool.definition.type}</span>
                )}
                <span className="cv-muted">
                  {' '}
                  · {formatCount(tool.callCount)} call{tool.callCount === 1 ? '' : 's'} · first offered in
                  call #{tool.firstExchangeIndex + 1}
                </span>
                {tool.definition.description && (
                  <span className="cv-tool-description">{tool.definition.description}</span>
                )}
              </summary>
              {tool.definition.parameters !== undefined ? (
                <ShowMoreText
                  className="cv-code"
                  text={stringifyValue(tool.definition.parameters)}
                  pageChars={4000}
                />
              ) : (
                <p className="cv-muted">No parameter schema.</p>
              )}
            </details>
          </li>
        ))}
      </ul>
    </details>
  );
}
