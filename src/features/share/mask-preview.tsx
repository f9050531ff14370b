/**
 * "What will be masked": one row per distinct secret (kind, where, a short preview, placeholder),
 * and, when the detector run again on the masked copy found anything, where it is. The secret itself is never
 * rendered in full (previewSecret shows its first 4 and last 2 characters).
 */
import type { MaskPreviewItem, ShareCheck, SurvivingSecret } from '../../core/share/prepare-share';
import { formatCount } from '../../ui/format';
import { ShareCheckNote } from './share-check-note';

function calls(numbers: number[]): string {
  if (numbers.length === 0) return 'file text';
  const shown = numbers
    .slice(0, 6)
    .map((n) => `#${n}`)
    .join(', ');
  return numbers.length > 6 ? `${shown} +${numbers.length - 6}` : shown;
}

export interface MaskPreviewProps {
  found: MaskPreviewItem[];
  surviving: SurvivingSecret[];
  masking: boolean;
  check: ShareCheck;
}

export function MaskPreview({ found, surviving, masking, check }: MaskPreviewProps) {
  if (found.length === 0) return <ShareCheckNote check={check} subject="file" />;
  return (
    <>
      {surviving.length > 0 && (
        <div className="share-dialog__alert" role="alert">
          <strong>Not shared: a secret survived masking.</strong>
          <ul>
            {surviving.map((item, index) => (
              <li key={index}>
                {item.label} {item.preview} still in {calls(item.calls)}
                {item.calls.length === 0 ? '' : ' (inside an encoded or compressed body)'}.
              </li>
            ))}
          </ul>
          Download the file and remove it by hand, or share only interactions without it.
        </div>
      )}
      <table className="share-dialog__secrets">
        <caption>
          {masking
            ? `${formatCount(found.length)} secret${found.length === 1 ? '' : 's'} will be replaced`
            : `${formatCount(found.length)} secret${found.length === 1 ? '' : 's'} will be shared unmasked`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Where</th>
            <th scope="col">Value</th>
            <th scope="col">Replaced by</th>
          </tr>
        </thead>
        <tbody>
          {found.map((item) => (
            <tr key={item.placeholder}>
              <td>{item.label}</td>
              <td>{calls(item.calls)}</td>
              <td>
                <code>{item.preview}</code>
              </td>
              <td>
                <code>{masking ? item.placeholder : '(not masked)'}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {masking && surviving.length === 0 && <ShareCheckNote check={check} subject="masked copy" />}
    </>
  );
}
