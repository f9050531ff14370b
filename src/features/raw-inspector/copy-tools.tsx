/**
 * The Raw view's copy buttons (issue 18), as DevTools offers them: the request as a curl command,
 * each side's headers, each side's body. The curl command and the headers are masked with the
 * share masking (core/share `exchangeCopies`), and the "unmasked" button next to each copies them
 * as recorded, in one click. What was copied is announced in a live region. The Clipboard API
 * (https://w3c.github.io/clipboard-apis/#dom-clipboard-writetext) needs a secure context and a
 * user gesture; both hold for a click on this page (https, or localhost).
 */
import { useState } from 'react';
import type { HttpExchange } from '../../core/model/http';
import { encodeBase64 } from '../../lib/base64';
import { copiesInWorker } from './copy-client';

export interface CopyToolsProps {
  exchange: HttpExchange;
  side: 'request' | 'response';
}

type What = 'curl' | 'headers' | 'body';

export function CopyTools({ exchange, side }: CopyToolsProps) {
  const [said, setSaid] = useState('');
  const message = side === 'request' ? exchange.request : exchange.response;
  const copy = async (what: What, masked: boolean) => {
    try {
      const text = await textFor(exchange, side, what, masked);
      if (text === null) return;
      if (!navigator.clipboard) throw new Error('the browser offers no clipboard here');
      await navigator.clipboard.writeText(text.value);
      setSaid(`Copied ${LABELS[what](side)}${text.note}.`);
    } catch (error) {
      setSaid(`Could not copy: ${error instanceof Error ? error.message : String(error)}.`);
    }
  };
  if (!message) return null;
  const hasBody = message.body !== null && (message.body.text !== null || message.body.bytes !== null);
  return (
    <div className="ri-copy" role="group" aria-label={`Copy the ${side}`}>
      {side === 'request' && (
        <span className="ri-copy__pair">
          <button type="button" className="ri-button" onClick={() => void copy('curl', true)}>
            Copy as cURL
          </button>
          <button
            type="button"
            className="ri-button ri-copy__unmasked"
            aria-label="Copy as cURL, unmasked"
            onClick={() => void copy('curl', false)}
          >
            unmasked
          </button>
        </span>
      )}
      {message.headers.length > 0 && (
        <span className="ri-copy__pair">
          <button type="button" className="ri-button" onClick={() => void copy('headers', true)}>
            Copy {side} headers
          </button>
          <button
            type="button"
            className="ri-button ri-copy__unmasked"
            aria-label={`Copy ${side} headers, unmasked`}
            onClick={() => void copy('headers', false)}
          >
            unmasked
          </button>
        </span>
      )}
      {hasBody && (
        <button type="button" className="ri-button" onClick={() => void copy('body', false)}>
          Copy {side} body
        </button>
      )}
      <span className="ri-copy__said" aria-live="polite">
        {said}
      </span>
    </div>
  );
}

const LABELS: Record<What, (side: string) => string> = {
  curl: () => 'the request as cURL',
  headers: (side) => `the ${side} headers`,
  body: (side) => `the ${side} body`,
};

async function textFor(
  exchange: HttpExchange,
  side: 'request' | 'response',
  what: What,
  masked: boolean,
): Promise<{ value: string; note: string } | null> {
  if (what === 'body') {
    const body = side === 'request' ? exchange.request.body : exchange.response?.body;
    if (body?.text != null) return { value: body.text, note: '' };
    if (body?.bytes) return { value: encodeBase64(body.bytes), note: ' as base64 (it is binary)' };
    return null;
  }
  const copies = await copiesInWorker(exchange, masked);
  const value =
    what === 'curl' ? copies.curl : side === 'request' ? copies.requestHeaders : copies.responseHeaders;
  if (value === null) return null;
  const note = !masked
    ? ', unmasked'
    : copies.maskedSecrets === 0
      ? ' (no secrets found to mask)'
      : `, ${copies.maskedSecrets} secret${copies.maskedSecrets === 1 ? '' : 's'} masked`;
  return { value, note };
}
