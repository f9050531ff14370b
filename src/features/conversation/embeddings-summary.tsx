/**
 * What an embeddings call returned, in words: how many vectors and how long each is (issue 16).
 * The vectors themselves are numbers nobody reads; they stay in the raw view.
 */
import type { EmbeddingsPart } from '../../core/model/conversation';
import { describeEmbeddings } from './describe-embeddings';

export function EmbeddingsSummary({ part }: { part: EmbeddingsPart }) {
  return (
    <p className="cv-embeddings" role="note">
      <strong>Embeddings:</strong> {describeEmbeddings(part)}
      {part.encoding ? <span className="cv-muted"> · {part.encoding}</span> : null}
      <span className="cv-muted"> · the vectors are in the raw view</span>
    </p>
  );
}
