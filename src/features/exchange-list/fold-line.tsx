/**
 * One compact line in the call list for a run of calls no LLM API adapter read (issue 16), such as
 * the GraphQL calls around Cody's completions. Its button opens the run, by click or keyboard
 * (Enter and Space, as a native button); clicking anywhere on the line does the same.
 */
import type { CSSProperties } from 'react';
import { describeCallRun } from '../../core/llm-call';
import { plural } from '../../ui/format';
import type { ExchangeRow } from './exchange-rows';

export interface FoldLineProps {
  rows: readonly ExchangeRow[];
  /** aria-rowindex: the line's position in the grid, the header being 1. */
  rowIndex: number;
  style: CSSProperties;
  onOpen: () => void;
}

export function FoldLine({ rows, rowIndex, style, onOpen }: FoldLineProps) {
  const detail = describeCallRun(rows);
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      className="data-grid__row exchange-row--fold"
      style={style}
      onClick={onOpen}
    >
      <div role="gridcell" className="exchange-fold">
        <button
          type="button"
          className="exchange-fold__button"
          aria-expanded={false}
          title={`Show ${plural(rows.length, 'call')}: ${detail}`}
          onClick={(event) => {
            event.stopPropagation();
            onOpen();
          }}
        >
          <span aria-hidden="true" className="exchange-fold__mark">
            ▸
          </span>
          {plural(rows.length, 'other HTTP call')}
        </button>
        <span className="exchange-fold__detail">{detail}</span>
      </div>
    </div>
  );
}
