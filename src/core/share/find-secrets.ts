/**
 * Finds the secrets a cassette carries, before anything is shared, with one detector used both to
 * find and to check the masked copy read back (docs/secret-detection.md):
 *   - structural rules (credential-names.ts) on the normalized model: credential and account
 *     headers, query parameters and URL user info, form bodies, JSON fields named like credentials;
 *   - token rules (gitleaks' ruleset, secret-rules/) on every header, URL and decoded body, and on
 *     the text of each stream's assembled reply, so a key split across SSE deltas is seen;
 *   - when the file text is given, the same rules on the raw text (YAML comments, fields no format
 *     module reads) and on its parsed document (HAR cookies[], queryString[], postData.params[]).
 * Each distinct secret gets one placeholder, so the same secret reads the same everywhere.
 */
import { parseDocumentText } from '../cassette/parse-document';
import type { Cassette, HttpExchange } from '../model/http';
import { scanDocument, scanHeader, scanText, scanTokens, scanUrl, type AddSecret } from './scan-text';
import { findSplitSecrets, rewriteEventData } from './stream-secrets';

/**
 * Placeholders that recorders' own filters already wrote (`<API_KEY>`, `REDACTED`, `****`) are not
 * secrets. Anything else is masked: masking a harmless value costs nothing, missing a key costs a lot.
 */
const ALREADY_MASKED = /^(?:<[^<>]*>|\*+|redacted|filtered|\[(?:redacted|filtered|masked)\])$/i;

/** Values a credential-named field holds when it holds none (YAML/JSON literals, "None" from Python). */
const NOT_A_VALUE = /^(?:true|false|null|none|nil|undefined)$/i;

/**
 * The quotes and brackets a loose rule can take in with a value (`use_auth_token='<MASKED_…>')` read
 * as a form field gives `'<MASKED_…>')`): a placeholder inside them is still a placeholder.
 */
const WRAPPING = /^['"`([{]+|['"`)\]},;]+$/g;

const YAML_COMMENT = /(?:^|[ \t])#([^\n]+)/gm;

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
  /**
   * For a secret split across stream events: each event's data as recorded and as masked. Masking
   * replaces these first; the secret itself is not in the file as one string.
   */
  rewrites?: { from: string; to: string }[];
}

/** A short, safe rendering of a secret for the preview: its first 4 and last 2 characters. */
export function previewSecret(secret: string): string {
  if (secret.length <= 8) return '•'.repeat(secret.length);
  return `${secret.slice(0, 4)}…${secret.slice(-2)} (${secret.length} chars)`;
}

/** Collects every secret in the cassette (and its file text, when given), in order of first appearance. */
export function findSecrets(cassette: Pick<Cassette, 'exchanges'>, fileText?: string): SecretFinding[] {
  const found = new Map<string, SecretFinding>();
  // Places (a header, a URL, a body, the file text) where each secret was seen: several rules
  // can match the same place, which is still one occurrence.
  const places = new Map<SecretFinding, Set<string>>();
  const record = (
    secret: string,
    label: string,
    exchange: number | null,
    place: string,
  ): SecretFinding | null => {
    const value = secret.trim();
    const bare = value.replace(WRAPPING, '');
    if (value.length < 4 || ALREADY_MASKED.test(bare) || NOT_A_VALUE.test(bare)) return null;
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
    const seen = places.get(finding) ?? new Set<string>();
    places.set(finding, seen);
    if (!seen.has(place) && (exchange !== null || seen.size === 0)) {
      seen.add(place);
      finding.occurrences += 1;
    }
    if (exchange !== null && !finding.exchanges.includes(exchange)) finding.exchanges.push(exchange);
    return finding;
  };
  for (const exchange of cassette.exchanges) {
    collectFromExchange(exchange, (place) => (secret, label) => {
      record(secret, label, exchange.index, place);
    });
    for (const split of findSplitSecrets(exchange)) {
      const finding = record(split.secret, split.label, exchange.index, 'stream');
      if (!finding) continue;
      split.pieces.forEach((piece, i) => {
        const to = rewriteEventData(
          piece.eventData,
          piece.fragment,
          piece.offset,
          piece.length,
          i === 0 ? finding.placeholder : '',
        );
        if (to !== null) (finding.rewrites ??= []).push({ from: piece.eventData, to });
      });
    }
  }
  if (fileText !== undefined) {
    // Counted once, and only for a secret no decoded field shows.
    const add: AddSecret = (secret, label) => void record(secret, label, null, 'file');
    const parsed = parseDocumentText(fileText);
    if (parsed.ok) scanDocument(parsed.doc.root, add);
    // YAML comments and anything else outside the document's values.
    scanTokens(fileText, add);
    // And each comment on its own: a rule that ends at `$` (end of text in Go's RE2, as gitleaks
    // compiles it without (?m): sidekiq-sensitive-url) never matches a comment inside a whole file.
    // YAML 1.2 §6.6: a comment starts at a `#` after white space or at the start of a line.
    for (const comment of fileText.matchAll(YAML_COMMENT)) scanTokens(comment[1] ?? '', add);
  }
  return [...found.values()];
}

/** The structural and token rules over one exchange; `at(place)` records what one place holds. */
function collectFromExchange(exchange: HttpExchange, at: (place: string) => AddSecret): void {
  const headers = [...exchange.request.headers, ...(exchange.response?.headers ?? [])];
  headers.forEach(({ name, value }, index) => {
    scanHeader(name, value, at(`header ${index}`));
    scanTokens(value, at(`header ${index}`));
  });
  scanUrl(exchange.request.url, at('url'));
  scanTokens(exchange.request.url, at('url'));
  if (exchange.request.body?.text) scanText(exchange.request.body.text, at('request body'));
  if (exchange.response?.body?.text) scanText(exchange.response.body.text, at('response body'));
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
