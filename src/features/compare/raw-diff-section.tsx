/**
 * The raw diff of headers and bodies (core/diff `diffRaw`, which ignores ids, dates, request ids
 * and other volatile fields). Computed only when asked: bodies can be megabytes.
 */
import { useMemo, useState } from 'react';
import type { HttpExchange } from '../../core/model/http';
import { diffRaw } from '../../core/diff/raw-diff';
import { TextDiffView } from './text-diff-view';

export interface RawDiffSectionProps {
  before: HttpExchange;
  after: HttpExchange;
}

function RawDiffResult({ before, after }: RawDiffSectionProps) {
  const raw = useMemo(() => diffRaw(before, after), [before, after]);
  return (
    <>
      <h4 className="cmp-side-title">Headers</h4>
      <TextDiffView changes={raw.headers} label="Header diff" code empty="No headers." />
      <h4 className="cmp-side-title">Request body</h4>
      <TextDiffView changes={raw.requestBody} label="Request body diff" code empty="No request bodies." />
      <h4 className="cmp-side-title">Response body</h4>
      <TextDiffView changes={raw.responseBody} label="Response body diff" code empty="No response bodies." />
    </>
  );
}

export function RawDiffSection({ before, after }: RawDiffSectionProps) {
  const [shown, setShown] = useState(false);
  return (
    <section className="cmp-section" aria-label="Raw diff">
      <div className="cmp-section__head">
        <h3 className="cmp-section__title">Raw diff</h3>
        <button type="button" className="cmp-button" aria-expanded={shown} onClick={() => setShown(!shown)}>
          {shown ? 'Hide raw diff' : 'Show raw diff of headers and bodies'}
        </button>
        <span className="cmp-muted">ids, dates, request ids and fingerprints are ignored</span>
      </div>
      {shown && <RawDiffResult before={before} after={after} />}
    </section>
  );
}
