/** A binary body: type and size, with a hex preview of its first bytes. */
import { useState } from 'react';
import { formatBytes } from '../../ui/format';
import { hexDump } from './hex-dump';

export interface BinaryBodyViewProps {
  bytes: Uint8Array;
  mimeType: string | null;
}

export function BinaryBodyView({ bytes, mimeType }: BinaryBodyViewProps) {
  const [limit, setLimit] = useState(256);
  return (
    <div className="ri-binary">
      <p className="ri-muted">
        Binary body · {mimeType ?? 'unknown type'} · {formatBytes(bytes.length)}
      </p>
      <pre className="ri-code" tabIndex={0}>
        {hexDump(bytes, limit)}
      </pre>
      {bytes.length > limit && (
        <button type="button" className="ri-button" onClick={() => setLimit(limit * 8)}>
          Show more bytes
        </button>
      )}
    </div>
  );
}
