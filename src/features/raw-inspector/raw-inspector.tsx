/**
 * The raw view of one interaction: request and response lines, headers, bodies (issue 2, 8).
 * Minimal first version so the app shell can mount it; built out in the same folder.
 */
import type { AnalyzedExchange } from '../../core/model/analysis';

export interface RawInspectorProps {
  exchange: AnalyzedExchange;
}

export function RawInspector({ exchange }: RawInspectorProps) {
  const { request, response } = exchange.http;
  return (
    <section aria-label="Raw HTTP" className="raw-inspector">
      <p>
        {request.method} {request.url}
      </p>
      <pre>{request.body?.text ?? ''}</pre>
      <p>{response?.status ?? 'no response'}</p>
      <pre>{response?.body?.text ?? ''}</pre>
    </section>
  );
}
