/**
 * Writes a masked copy of a cassette file in its own format. The secrets come from `findSecrets`
 * (on the normalized model); here each one is replaced by its placeholder in the file text itself,
 * so the masked file keeps its format, layout and comments byte for byte elsewhere. Where a secret
 * is not written literally in the file (a YAML scalar folded across lines, an escaped JSON string),
 * the file is re-serialized from its parsed document with the secret replaced in every string.
 * Callers must still verify the result (`findUnmaskedSecrets`): a secret inside a base64 or
 * compressed body cannot be replaced as text at all.
 */
import { isScalar, parseDocument, visit } from 'yaml';
import { parseDocumentText } from '../cassette/parse-document';
import type { Cassette } from '../model/http';
import type { SecretFinding } from './find-secrets';

/** The masked file text and how it was produced. */
export interface MaskedText {
  text: string;
  /** "in place" when every secret was replaced literally, "re-serialized" when the document was rewritten. */
  method: 'in place' | 're-serialized';
}

/**
 * The ways a secret can be written in a cassette file: as is, JSON-escaped (a JSON file, a JSON
 * body inside YAML double quotes; also with `/` escaped, which JSON allows), JSON-escaped twice (a
 * JSON body inside a JSON string, as in HAR), URL-encoded (RFC 3986) and form-encoded (spaces as
 * `+`), and in YAML single quotes (`'` doubled, YAML 1.2 §7.3.2).
 */
export function secretSpellings(secret: string): string[] {
  return [...new Set(spellingsInOrder(secret))].filter((s) => s.length > 0);
}

/** The spellings in a fixed order, so a text and its replacement can be spelled alike. */
function spellingsInOrder(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const twice = JSON.stringify(json).slice(1, -1);
  const uri = encodeURIComponent(secret);
  return [
    secret,
    json,
    json.replace(/\//g, '\\/'),
    twice,
    uri,
    uri.replace(/%20/g, '+'),
    // RFC 3986 §2.3: only unreserved characters unencoded (Python's quote, Go's QueryEscape).
    uri.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    secret.replace(/'/g, "''"),
  ];
}

/** Every (text → replacement) pair, stream-event rewrites first, then longest spellings first. */
function replacementsOf(secrets: readonly SecretFinding[]): { from: string; to: string }[] {
  const rewrites = secrets.flatMap((s) =>
    (s.rewrites ?? []).flatMap(({ from, to }) => {
      const tos = spellingsInOrder(to);
      return spellingsInOrder(from).map((spelling, i) => ({ from: spelling, to: tos[i] ?? to }));
    }),
  );
  const plain = secrets.flatMap(({ secret, placeholder }) =>
    secretSpellings(secret).map((from) => ({ from, to: placeholder })),
  );
  // Longest first, so a secret that contains another is replaced whole.
  plain.sort((a, b) => b.from.length - a.from.length);
  return [...rewrites, ...plain];
}

/** Replaces every secret by its placeholder in `text` (the decoded file text). */
export function maskCassetteText(text: string, secrets: readonly SecretFinding[]): MaskedText {
  const replacements = replacementsOf(secrets);
  let masked = text;
  for (const { from, to } of replacements) masked = masked.split(from).join(to);
  // Literal replacement was enough when no secret, in any spelling, is left in the decoded values.
  const reparsed = stringValuesContain(masked, secrets);
  if (!reparsed) return { text: masked, method: 'in place' };
  return { text: reserialize(masked, replacements), method: 're-serialized' };
}

/**
 * Replaces every secret by its placeholder in one string (a header value, a URL, a body), with the
 * same spellings and order as the file masking; the Raw view's masked copies use it (issue 18).
 */
export function maskSecretsInText(text: string, secrets: readonly SecretFinding[]): string {
  return secrets.length === 0 ? text : replaceAll(text, replacementsOf(secrets));
}

/** Whether any string value of the document still holds a secret (a scalar folded across lines). */
function stringValuesContain(text: string, secrets: readonly SecretFinding[]): boolean {
  const parsed = parseDocumentText(text);
  if (!parsed.ok) return false;
  const stack: unknown[] = [parsed.doc.root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'string') {
      if (
        secrets.some(
          ({ secret, rewrites }) => node.includes(secret) || rewrites?.some((r) => node.includes(r.from)),
        )
      )
        return true;
    } else if (typeof node === 'object' && node !== null) {
      for (const child of Object.values(node)) stack.push(child);
    }
  }
  return false;
}

function replaceAll(value: string, replacements: readonly { from: string; to: string }[]): string {
  let out = value;
  for (const { from, to } of replacements) out = out.split(from).join(to);
  return out;
}

function reserialize(text: string, replacements: readonly { from: string; to: string }[]): string {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const indent = /\n( +)"/.exec(text)?.[1]?.length ?? 2;
      const value: unknown = JSON.parse(text, (_key, v: unknown) =>
        typeof v === 'string' ? replaceAll(v, replacements) : v,
      );
      return JSON.stringify(value, null, indent) + (text.endsWith('\n') ? '\n' : '');
    } catch {
      // Not JSON after all (YAML flow style): fall through to the YAML document.
    }
  }
  const doc = parseDocument(text, { uniqueKeys: false });
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string') node.value = replaceAll(node.value, replacements);
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/** Where a secret survived masking: the secret's finding and the interactions that still show it. */
export interface UnmaskedSecret {
  finding: SecretFinding;
  exchanges: number[];
}

/**
 * Checks a masked cassette (loaded back from the masked text) for any of the original secrets in
 * URLs, headers and decoded bodies. A non-empty answer means the text must not be shared.
 */
export function findUnmaskedSecrets(masked: Cassette, secrets: readonly SecretFinding[]): UnmaskedSecret[] {
  const result: UnmaskedSecret[] = [];
  for (const finding of secrets) {
    const exchanges: number[] = [];
    for (const exchange of masked.exchanges) {
      const texts = [
        exchange.request.url,
        ...exchange.request.headers.map((h) => h.value),
        ...(exchange.response?.headers.map((h) => h.value) ?? []),
        exchange.request.body?.text ?? '',
        exchange.response?.body?.text ?? '',
      ];
      if (texts.some((t) => t.includes(finding.secret))) exchanges.push(exchange.index);
    }
    if (exchanges.length > 0) result.push({ finding, exchanges });
  }
  return result;
}
