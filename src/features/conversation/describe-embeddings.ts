/** Embeddings in a few words (issue 16): the count and length of the vectors, never their numbers. */
import type { EmbeddingsPart } from '../../core/model/conversation';

/** "3 vectors × 1,536 dimensions" or "2 vectors of 256–1,024 dimensions". */
export function describeEmbeddings(part: Pick<EmbeddingsPart, 'count' | 'dimensions'>): string {
  const noun = part.count === 1 ? 'vector' : 'vectors';
  const fmt = (n: number) => n.toLocaleString('en-US');
  let min = Infinity;
  let max = -Infinity;
  for (const d of part.dimensions) {
    min = Math.min(min, d);
    max = Math.max(max, d);
  }
  if (part.dimensions.length === 0) return `${fmt(part.count)} ${noun}`;
  return min === max
    ? `${fmt(part.count)} ${noun} × ${fmt(min)} dimensions`
    : `${fmt(part.count)} ${noun} of ${fmt(min)}–${fmt(max)} dimensions`;
}
