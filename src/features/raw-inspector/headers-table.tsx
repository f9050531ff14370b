/**
 * Headers in recorded order, duplicates kept (HAR-style `{name, value}` list). Values are shown
 * with invisible characters escaped, since a header is as untrusted as a body.
 */
import type { Header } from '../../core/model/http';
import { escapeInvisible } from '../../ui/markdown/escape-invisible';
import { formatCount } from '../../ui/format';

export interface HeadersTableProps {
  headers: Header[];
  caption: string;
}

export function HeadersTable({ headers, caption }: HeadersTableProps) {
  if (headers.length === 0) return <p className="ri-muted">No {caption.toLowerCase()} recorded.</p>;
  return (
    <details className="ri-fold" open={headers.length <= 12}>
      <summary>
        {caption} <span className="ri-muted">({formatCount(headers.length)})</span>
      </summary>
      <table className="ri-headers">
        <tbody>
          {headers.map((header, index) => (
            <tr key={index}>
              <th scope="row">{escapeInvisible(header.name)}</th>
              <td>{escapeInvisible(header.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
