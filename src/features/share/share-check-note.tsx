/**
 * What the secret check covered and what it cannot see (issue 14): the read-back runs the whole
 * detector (docs/secret-detection.md) on the masked copy, so the note names the detector, not a
 * list of secrets; and it says plainly which parts of a cassette no text scan can vouch for.
 */
import type { ShareCheck } from '../../core/share/prepare-share';
import { formatCount } from '../../ui/format';

function callList(calls: number[]): string {
  const shown = calls
    .slice(0, 6)
    .map((n) => `#${n}`)
    .join(', ');
  return calls.length > 6 ? `${shown} +${calls.length - 6}` : shown;
}

export interface ShareCheckNoteProps {
  check: ShareCheck;
  /** "found none" before masking, "the masked copy" after it. */
  subject: 'file' | 'masked copy';
}

export function ShareCheckNote({ check, subject }: ShareCheckNoteProps) {
  const what = `no credential pattern of ${formatCount(check.rules)} rules (${check.ruleset} and this app's), no known secret header, query parameter or field`;
  return (
    <>
      <p className="share-dialog__note share-dialog__note--ok">
        {subject === 'file' ? `✓ Checked: ${what}.` : `✓ Checked the masked copy, read back: ${what}.`}
      </p>
      <details className="share-dialog__limits">
        <summary>What this check cannot see</summary>
        <ul>
          <li>
            {check.binaryCalls.length > 0
              ? `Binary bodies (${callList(check.binaryCalls)}) are not scanned.`
              : 'Binary bodies (images, audio) are not scanned; this file has none.'}
          </li>
          <li>
            Bodies stored encoded (base64, gzip, brotli, zstd) are scanned after decoding, but a secret inside
            one cannot be replaced, so no link is made
            {check.encodedCalls.length > 0 ? ` (this file: ${callList(check.encodedCalls)})` : ''}.
          </li>
          <li>
            A secret with no known shape, in a field whose name does not say so (a password typed into a chat
            message), reads like any other text.
          </li>
        </ul>
      </details>
    </>
  );
}
