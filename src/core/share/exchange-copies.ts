/**
 * What the Raw view's copy buttons put on the clipboard (issue 18): the request as a curl command
 * and either side's headers, masked by default with the share masking (`findSecrets` finds, then
 * `maskSecretsInText` replaces each secret by its placeholder, exactly as a shared file is masked),
 * or unmasked on request. Secrets are looked for in the request and both sides' headers only: a
 * streamed response body can be megabytes and is not part of what is copied here.
 */
import type { Header, HttpExchange } from '../model/http';
import { requestToCurl } from './curl-from-request';
import { findSecrets, type SecretFinding } from './find-secrets';
import { maskSecretsInText } from './mask-cassette-text';

export interface ExchangeCopies {
  curl: string;
  requestHeaders: string;
  responseHeaders: string | null;
  /** How many distinct secrets were masked (0 when unmasked, or when there were none). */
  maskedSecrets: number;
}

/** The secrets a copy of this exchange's request and headers could carry. */
export function copySecrets(exchange: HttpExchange): SecretFinding[] {
  const response = exchange.response && { ...exchange.response, body: null };
  return findSecrets({ exchanges: [{ ...exchange, response }] });
}

/** Headers as `Name: value` lines, in recorded order (HTTP/1.1 message syntax, RFC 9112 §5). */
export function headersText(
  headers: readonly Header[],
  transform: (text: string) => string = (t) => t,
): string {
  return headers.map(({ name, value }) => `${name}: ${transform(value)}`).join('\n');
}

export function exchangeCopies(exchange: HttpExchange, { masked }: { masked: boolean }): ExchangeCopies {
  const secrets = masked ? copySecrets(exchange) : [];
  const transform = (text: string) => maskSecretsInText(text, secrets);
  return {
    curl: requestToCurl(exchange.request, { transform }),
    requestHeaders: headersText(exchange.request.headers, transform),
    responseHeaders: exchange.response ? headersText(exchange.response.headers, transform) : null,
    maskedSecrets: secrets.length,
  };
}
