/**
 * A run of calls no LLM API adapter read (such as the GraphQL calls around Cody's completions) as
 * one compact line of the timeline (issue 16); its button opens the run in place, by click or
 * keyboard (Enter and Space, as a native button).
 */
import { describeCallRun, pathOfUrl } from '../../core/llm-call';
import type { ExchangeSummary } from '../../core/model/overview';
import { plural } from '../../ui/format';

export interface OtherCallsLineProps {
  calls: readonly ExchangeSummary[];
  onOpen: () => void;
}

export function OtherCallsLine({ calls, onOpen }: OtherCallsLineProps) {
  const detail = describeCallRun(calls.map((call) => ({ ...call, path: pathOfUrl(call.url) })));
  return (
    <div className="cv-other-calls">
      <button type="button" className="cv-history-toggle" aria-expanded={false} onClick={onOpen}>
        ▸ {plural(calls.length, 'other HTTP call')}
        <span className="cv-muted"> {detail}</span>
      </button>
    </div>
  );
}
