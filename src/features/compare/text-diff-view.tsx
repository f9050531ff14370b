/**
 * A word- or line-level diff (TextChange[]) with additions and removals marked as <ins>/<del>, so
 * the change is carried by the element and not by colour alone. Long diffs render as bounded
 * blocks (diff-chunks.ts) that the browser skips while off screen; nothing is truncated.
 */
import { memo, useMemo } from 'react';
import type { TextChange } from '../../core/model/diff';
import { chunkChanges } from './diff-chunks';

export interface TextDiffViewProps {
  changes: readonly TextChange[];
  label: string;
  /** Monospace, for request lines and raw bodies; prose otherwise. */
  code?: boolean;
  empty?: string;
}

const Chunk = memo(function Chunk({ changes }: { changes: TextChange[] }) {
  return (
    <div className="cmp-diff__chunk">
      {changes.map((change, index) =>
        change.op === 'added' ? (
          <ins key={index} className="cmp-diff__added">
            {change.text}
          </ins>
        ) : change.op === 'removed' ? (
          <del key={index} className="cmp-diff__removed">
            {change.text}
          </del>
        ) : (
          <span key={index}>{change.text}</span>
        ),
      )}
    </div>
  );
});

export function TextDiffView({
  changes,
  label,
  code = false,
  empty = 'Nothing to compare.',
}: TextDiffViewProps) {
  const chunks = useMemo(() => chunkChanges(changes), [changes]);
  if (chunks.length === 0) return <p className="cmp-muted">{empty}</p>;
  return (
    <div className={`cmp-diff${code ? ' cmp-diff--code' : ''}`} role="region" aria-label={label} tabIndex={0}>
      {chunks.map((chunk, index) => (
        <Chunk key={index} changes={chunk} />
      ))}
    </div>
  );
}
