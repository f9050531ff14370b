/**
 * Tool calls of both recordings side by side: names and arguments as JSON (canonical, sorted keys,
 * as core/diff compares them), each call marked when the other side has no identical call.
 */
import type { ToolCallSummary } from '../../core/model/diff';
import { parseJsonBounded } from '../../lib/json-depth';

/** Arguments pretty-printed when they are JSON; otherwise as recorded (they may be cut short). */
function prettyArguments(text: string): string {
  try {
    return JSON.stringify(parseJsonBounded(text), null, 2);
  } catch {
    return text;
  }
}

function key(call: ToolCallSummary): string {
  return `${call.name}\u0000${call.arguments}`;
}

function CallList({
  calls,
  other,
  side,
}: {
  calls: ToolCallSummary[];
  other: ToolCallSummary[];
  side: 'before' | 'after';
}) {
  const otherKeys = new Set(other.map(key));
  if (calls.length === 0) return <p className="cmp-muted">No tool calls.</p>;
  return (
    <ol className="cmp-calls">
      {calls.map((call, index) => {
        const changed = !otherKeys.has(key(call));
        return (
          <li key={index} className={`cmp-call${changed ? ` cmp-call--${side}` : ''}`}>
            <span className="cmp-call__name">
              {call.name}
              {changed && (
                <span className="cmp-sr-only">
                  {side === 'before' ? ' (not in after)' : ' (not in before)'}
                </span>
              )}
            </span>
            <pre className="cmp-call__args">{prettyArguments(call.arguments)}</pre>
          </li>
        );
      })}
    </ol>
  );
}

export function ToolCallsDiff({ before, after }: { before: ToolCallSummary[]; after: ToolCallSummary[] }) {
  if (before.length === 0 && after.length === 0)
    return <p className="cmp-muted">Neither side called a tool.</p>;
  return (
    <div className="cmp-sides">
      <div>
        <h4 className="cmp-side-title">Before</h4>
        <CallList calls={before} other={after} side="before" />
      </div>
      <div>
        <h4 className="cmp-side-title">After</h4>
        <CallList calls={after} other={before} side="after" />
      </div>
    </div>
  );
}
