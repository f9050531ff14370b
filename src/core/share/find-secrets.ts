/**
 * Finds the secrets a cassette carries, before anything is shared: credential headers, organization
 * and project ids, credential query parameters, and key-shaped strings in bodies. Works on the
 * normalized model, so it is the same for every cassette format. Each distinct secret gets one
 * placeholder, so the same secret reads the same everywhere in the masked file.
 */
import type { Cassette, HttpExchange } from '../model/http';

/** Headers whose whole value is a credential (compared case-insensitively). */
const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
  'x-goog-api-key',
]);

/** Headers that identify the account: organization and project ids (OpenAI, Anthropic). */
const ACCOUNT_HEADERS = new Set([
  'openai-organization',
  'openai-project',
  'anthropic-organization-id',
  'x-organization-id',
  'x-project-id',
]);

/** Query parameters that carry credentials (Gemini `key=`, generic `api_key=`, OAuth `access_token=`). */
const CREDENTIAL_QUERY_PARAMS = new Set(['key', 'api_key', 'apikey', 'access_token']);

/**
 * Key-shaped strings. Prefixes as documented by each issuer: OpenAI/Anthropic `sk-…`, AWS access key
 * ids `AKIA…` (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html), Google
 * API keys `AIza…`, Groq `gsk_…`, xAI `xai-…`, and any `Bearer <token>`.
 */
const KEY_PATTERNS: { label: string; pattern: RegExp }[] = [
  { label: 'API key (sk-…)', pattern: /\bsk-[A-Za-z0-9_-]{16,}/g },
  { label: 'AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { label: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { label: 'Groq API key', pattern: /\bgsk_[A-Za-z0-9]{20,}/g },
  { label: 'xAI API key', pattern: /\bxai-[A-Za-z0-9]{20,}/g },
  { label: 'OpenAI organization id', pattern: /\borg-[A-Za-z0-9]{16,}\b/g },
  { label: 'OpenAI project id', pattern: /\bproj_[A-Za-z0-9]{16,}\b/g },
];
const BEARER = /\bBearer\s+([A-Za-z0-9._~+/-]{8,}=*)/g;

/**
 * Placeholders that recorders' own filters already wrote (`<API_KEY>`, `REDACTED`, `****`) are not
 * secrets. Anything else is masked: masking a harmless value costs nothing, missing a key costs a lot.
 */
const ALREADY_MASKED = /^(?:<[^<>]*>|\*+|redacted|filtered|\[(?:redacted|filtered|masked)\])$/i;

/** One secret found, with where it was seen. */
export interface SecretFinding {
  secret: string;
  placeholder: string;
  /** What kind of secret, e.g. "Authorization header", "key= query parameter", "API key (sk-…)". */
  label: string;
  /** Interaction indices where it was seen. */
  exchanges: number[];
  /** How many places (headers, URLs, bodies) carry it. */
  occurrences: number;
}

/** A short, safe rendering of a secret for the preview: its first 4 and last 2 characters. */
export function previewSecret(secret: string): string {
  if (secret.length <= 8) return '•'.repeat(secret.length);
  return `${secret.slice(0, 4)}…${secret.slice(-2)} (${secret.length} chars)`;
}

/** Collects every secret in the cassette, in order of first appearance. */
export function findSecrets(cassette: Cassette): SecretFinding[] {
  const found = new Map<string, SecretFinding>();
  const add = (secret: string, label: string, exchange: number) => {
    const value = secret.trim();
    if (value.length < 4 || ALREADY_MASKED.test(value)) return;
    let finding = found.get(value);
    if (!finding) {
      finding = {
        secret: value,
        placeholder: `<MASKED_${slug(label)}_${found.size + 1}>`,
        label,
        exchanges: [],
        occurrences: 0,
      };
      found.set(value, finding);
    }
    finding.occurrences += 1;
    if (!finding.exchanges.includes(exchange)) finding.exchanges.push(exchange);
  };
  for (const exchange of cassette.exchanges) collectFromExchange(exchange, add);
  return [...found.values()];
}

type AddSecret = (secret: string, label: string, exchange: number) => void;

function collectFromExchange(exchange: HttpExchange, add: AddSecret): void {
  const i = exchange.index;
  const headers = [...exchange.request.headers, ...(exchange.response?.headers ?? [])];
  for (const { name, value } of headers) {
    const lower = name.toLowerCase();
    if (CREDENTIAL_HEADERS.has(lower)) {
      // Keep the scheme readable ("Bearer <MASKED…>"): only the credential itself is secret.
      const scheme = /^(Bearer|Basic|Token|Bot)\s+(.+)$/i.exec(value);
      add(scheme?.[2] ?? value, `${name} header`, i);
    } else if (ACCOUNT_HEADERS.has(lower)) {
      add(value, `${name} header`, i);
    } else {
      collectFromText(value, add, i);
    }
  }
  collectFromUrl(exchange.request.url, add, i);
  for (const body of [exchange.request.body, exchange.response?.body]) {
    if (body?.text) collectFromText(body.text, add, i);
  }
}

function collectFromUrl(url: string, add: AddSecret, exchange: number): void {
  const query = url.indexOf('?');
  if (query < 0) return;
  for (const pair of url.slice(query + 1).split(/[&#]/)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = safeDecode(pair.slice(0, eq)).toLowerCase();
    if (CREDENTIAL_QUERY_PARAMS.has(name)) add(pair.slice(eq + 1), `${name}= query parameter`, exchange);
  }
  collectFromText(url, add, exchange);
}

function collectFromText(text: string, add: AddSecret, exchange: number): void {
  for (const { label, pattern } of KEY_PATTERNS) {
    for (const match of text.matchAll(pattern)) add(match[0], label, exchange);
  }
  for (const match of text.matchAll(BEARER)) if (match[1]) add(match[1], 'Bearer token', exchange);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function slug(label: string): string {
  return (
    label
      .replace(/\(.*?\)/g, '')
      .replace(/[^A-Za-z0-9]+/g, '_')
      .replace(/^_|_$/g, '')
      .toUpperCase() || 'SECRET'
  );
}
