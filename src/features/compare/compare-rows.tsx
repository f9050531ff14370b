/**
 * The aligned interactions of a comparison as a table: before and after index, label, verdict and
 * reasons. Each row's "select" is a real button (Tab reaches the table, arrow keys move between
 * rows), and the selected row is marked with aria-current.
 */
import { useRef, type KeyboardEvent } from 'react';
import type { ExchangeDiff } from '../../core/model/diff';
import { endpointLabel } from '../../core/diff/verdict-labels';
import { RowVerdicts } from './verdict-badge';

export interface CompareRowsProps {
  rows: ExchangeDiff[];
  selected: number;
  onSelect: (position: number) => void;
}

/** Request reasons first, each marked, then the response's: the same order as the verdicts. */
function allReasons(row: ExchangeDiff): string {
  return [...row.requestReasons.map((reason) => `request: ${reason}`), ...row.reasons].join('; ');
}

const KEY_STEPS: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, j: 1, k: -1 };

export function CompareRows({ rows, selected, onSelect }: CompareRowsProps) {
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    let target: number | null = null;
    if (event.key in KEY_STEPS) target = selected + (KEY_STEPS[event.key] ?? 0);
    else if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = rows.length - 1;
    if (target === null) return;
    event.preventDefault();
    const clamped = Math.max(0, Math.min(rows.length - 1, target));
    onSelect(clamped);
    buttons.current[clamped]?.focus();
  };

  return (
    <div className="cmp-rows">
      <table className="cmp-table" aria-label="Aligned interactions">
        <thead>
          <tr>
            <th scope="col" className="cmp-num">
              Before
            </th>
            <th scope="col" className="cmp-num">
              After
            </th>
            <th scope="col">Call</th>
            <th scope="col">Verdict</th>
            <th scope="col">Reasons</th>
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {rows.map((row, position) => {
            const current = position === selected;
            return (
              <tr
                key={position}
                className={`cmp-row cmp-row--${row.verdict}${current ? ' cmp-row--selected' : ''}`}
                aria-current={current || undefined}
                onClick={() => onSelect(position)}
              >
                <td className="cmp-num">{row.before === null ? '—' : row.before + 1}</td>
                <td className="cmp-num">{row.after === null ? '—' : row.after + 1}</td>
                <td className="cmp-label">
                  <button
                    type="button"
                    ref={(element) => {
                      buttons.current[position] = element;
                    }}
                    className="cmp-row__select"
                    tabIndex={current ? 0 : -1}
                    aria-pressed={current}
                    onClick={(event) => {
                      event.stopPropagation();
                      onSelect(position);
                    }}
                  >
                    {endpointLabel(row)}
                  </button>
                </td>
                <td>
                  <RowVerdicts verdict={row.verdict} requestChanged={row.requestChanged} />
                </td>
                <td className="cmp-row__reasons" title={allReasons(row)}>
                  {allReasons(row) || '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
