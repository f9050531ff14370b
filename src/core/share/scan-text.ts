/**
 * Finds secrets in one piece of text (a header value, a URL, a body, a YAML comment, the whole file)
 * with the token rules (secret-rules/) and the structural rules (credential-names.ts): JSON and
 * YAML fields, `{name, value}` lists (HAR headers, cookies, queryString, postData.params), query
 * parameters and URL userinfo, form bodies, and SSE/NDJSON lines. Walks are iterative with a work
 * list, never recursive, so a deeply nested body cannot overflow the stack.
 */
import { headerKind, isCredentialParam } from './credential-names';
import { scanWithRules } from './secret-rules/rule-engine';

/** Records one secret; `label` says what kind it is. */
export type AddSecret = (secret: string, label: string) => void;

/** Escapes that hide a word boundary before a key: `\n`, `\"`, `\u0022`, `%22`, `&quot;`. */
const ESCAPES =
  /\\(?:u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[nrtbfv"'/\\])|%[0-9a-fA-F]{2}|&(?:quot|amp|lt|gt|apos|#\d{1,7});/g;

/** `Bearer abc` → `abc`: the scheme (RFC 9110 §11.1) stays readable, only the credential is secret. */
const SCHEME = /^(?:Bearer|Basic|Token|Bot|Digest|Negotiate|ApiKey|Key|SSWS|token)\s+(\S.*)$/i;

/** Text that parses as JSON and is worth walking. */
const looksLikeJson = (text: string): boolean => /^\s*[[{]/.test(text);
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s"'<>`\\]+/gi;
const FORM = /^[\w.%[\]-]+=[^&\s]*(?:&[\w.%[\]-]+=[^&\s]*)*$/;

/**
 * Runs the token rules on the text; on a copy with escapes turned into spaces (a key right after
 * `\n` or `%22` has no word boundary before it as written); and on the text URL-decoded, so a
 * key written percent-encoded is found whole.
 */
export function scanTokens(text: string, add: AddSecret): void {
  // Some gitleaks classes admit `\` (for JSON's `\/`), so in escaped text a match can swallow the
  // backslash of a following `\"`; and a rule without a capture group reports its whole match,
  // ending in the quote or space that ended the token. Masking those would break the file's
  // quoting, so they are trimmed off.
  const addTrimmed: AddSecret = (secret, label) =>
    add(secret.replace(/^[\s"'`;,\\]+|[\s"'`;,\\]+$/g, ''), label);
  for (const { label, secret } of scanWithRules(text)) addTrimmed(secret, label);
  if (!/[\\%&]/.test(text)) return;
  const spaced = text.replace(ESCAPES, ' ');
  if (spaced !== text) {
    // A match that spans an escape turned into a space is not a secret as written; the other
    // views find the real one.
    for (const { label, secret } of scanWithRules(spaced))
      if (text.includes(secret)) addTrimmed(secret, label);
  }
  if (/%[0-9a-fA-F]{2}/.test(text)) {
    // Always kept: if masking cannot find it in any spelling, the read-back finds it again and
    // the link is refused, which is the safe way round.
    const decoded = text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => safeDecode(run));
    if (decoded !== text) for (const { label, secret } of scanWithRules(decoded)) addTrimmed(secret, label);
  }
}

/** A header's value: the credential without its scheme, or the account id. */
export function scanHeader(name: string, value: string, add: AddSecret): void {
  const kind = headerKind(name);
  if (kind === 'credential') add(SCHEME.exec(value.trim())?.[1] ?? value, `${name} header`);
  else if (kind === 'account') add(value, `${name} header`);
}

export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/**
 * A URL- or form-encoded value: the decoded value is the secret (masking writes it back in every
 * encoding); the value as written too, when re-encoding the decoded one would not give it back.
 */
function addDecoded(raw: string, label: string, add: AddSecret): void {
  const decoded = safeDecode(raw);
  add(decoded, label);
  const encoded = encodeURIComponent(decoded);
  if (raw !== decoded && raw !== encoded && raw !== encoded.replace(/%20/g, '+')) add(raw, label);
}

/** Name/value pairs of a query string or form body: the value as written and decoded. */
function scanPairs(pairs: string, add: AddSecret, kind: 'query parameter' | 'form field'): void {
  for (const pair of pairs.split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = safeDecode(pair.slice(0, eq));
    const raw = pair.slice(eq + 1);
    // Each value is also read as a text of its own: gitleaks' rules end a token at a quote, a
    // space or `;`, never at the `&` that ends a parameter.
    if (raw.length >= 8) scanTokens(safeDecode(raw), add);
    if (!isCredentialParam(name)) continue;
    const label =
      kind === 'query parameter' ? `${name.toLowerCase()}= query parameter` : `${name} form field`;
    addDecoded(raw, label, add);
  }
}

/** User info (`user:pass@`, RFC 3986 §3.2.1) and credential query parameters of one URL. */
export function scanUrl(url: string, add: AddSecret): void {
  const userinfo = /^[a-z][a-z0-9+.-]*:\/\/([^/?#@\s]*)@/i.exec(url);
  if (userinfo?.[1]) {
    const colon = userinfo[1].indexOf(':');
    const password = colon >= 0 ? userinfo[1].slice(colon + 1) : userinfo[1];
    addDecoded(password, 'password in URL (user:pass@)', add);
  }
  const query = url.indexOf('?');
  if (query >= 0) scanPairs(url.slice(query + 1).split('#')[0] ?? '', add, 'query parameter');
}

/**
 * Fields of a parsed JSON or YAML value: a field named like a credential (credential-names.ts),
 * a `{name, value}` item (HAR headers, queryString, params; every HAR cookie), and any string that
 * itself holds JSON, a URL or a form body. Only strings that were escaped where they were written
 * are token-scanned again here: the text they were parsed from already was.
 */
export function scanValue(root: unknown, add: AddSecret, nested: (text: string) => void): void {
  const stack: { value: unknown; key: string | null }[] = [{ value: root, key: null }];
  while (stack.length > 0) {
    const { value, key } = stack.pop()!;
    if (typeof value === 'string') {
      if (key !== null) scanField(key, value, add);
      // A string that held quotes, backslashes or line breaks was escaped where it was written,
      // so the token rules saw it escaped; context rules (curl's `-H "Authorization: …"`) need it
      // as it reads.
      if (/["\\\n']/.test(value)) scanTokens(value, add);
      if (value.length >= 8 && (looksLikeJson(value) || value.includes('://') || FORM.test(value))) {
        nested(value);
      }
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, key });
      continue;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.name === 'string' && typeof record.value === 'string') {
      scanNamedValue(key, record.name, record.value, add);
    }
    // OpenAI logprobs: `{token, logprob}` is one token of the reply, not a credential.
    const isLogprob = 'logprob' in record;
    for (const [field, child] of Object.entries(record)) {
      if (isLogprob && field === 'token') continue;
      stack.push({ value: child, key: field });
    }
  }
}

function scanField(key: string, value: string, add: AddSecret): void {
  const kind = headerKind(key);
  if (kind === 'credential') add(SCHEME.exec(value.trim())?.[1] ?? value, `${key} field`);
  else if (kind === 'account') add(value, `${key} field`);
}

/** One `{name, value}` item; `list` is the field holding the list (HAR `cookies`, `headers`, …). */
function scanNamedValue(list: string | null, name: string, value: string, add: AddSecret): void {
  const where = list?.toLowerCase() ?? '';
  if (where === 'cookies') add(value, `cookie (${name})`);
  else if (where === 'headers') scanHeader(name, value, add);
  else if (where === 'querystring') {
    if (isCredentialParam(name)) add(value, `${name.toLowerCase()}= query parameter`);
  } else if (isCredentialParam(name) || headerKind(name) === 'credential') add(value, `${name} field`);
}

/**
 * Everything in one text: token rules, then its structure (JSON, SSE and NDJSON lines, URLs,
 * form pairs), through a work list so JSON inside a string inside JSON is read too.
 */
export function scanText(text: string, add: AddSecret): void {
  scanTokens(text, add);
  drain([text], add, null);
}

/** The structural rules over a parsed document (a whole cassette file's values). */
export function scanDocument(root: unknown, add: AddSecret): void {
  drain([], add, root);
}

/** Works through texts holding structure; 10,000 per call, so a crafted file cannot loop forever. */
function drain(work: string[], add: AddSecret, root: unknown): void {
  let budget = 10_000;
  const nested = (inner: string) => {
    if (budget-- > 0) work.push(inner);
  };
  if (root !== null) scanValue(root, add, nested);
  while (work.length > 0) scanStructure(work.pop()!, add, nested);
}

function scanStructure(text: string, add: AddSecret, nested: (text: string) => void): void {
  if (looksLikeJson(text)) {
    const parsed = tryJson(text);
    if (parsed !== undefined) {
      scanValue(parsed, add, nested);
      return;
    }
  }
  for (const match of text.matchAll(URL_IN_TEXT)) scanUrl(match[0], add);
  const trimmed = text.trim();
  if (FORM.test(trimmed)) scanPairs(trimmed, add, 'form field');
  if (text.includes('\n')) {
    // SSE `data:` lines (WHATWG HTML §9.2) and NDJSON lines, each possibly JSON.
    for (const line of text.split('\n')) {
      const payload = line.startsWith('data:') ? line.slice(5).trim() : line.trim();
      if (payload.length >= 8 && looksLikeJson(payload)) nested(payload);
    }
  }
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
