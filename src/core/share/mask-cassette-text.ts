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
import type { Cassette } from '../model/http';
import type { SecretFinding } from './find-secrets';

/** The masked file text and how it was produced. */
export interface MaskedText {
  text: string;
  /** "in place" when every secret was replaced literally, "re-serialized" when the document was rewritten. */
  method: 'in place' | 're-serialized';
}

/** Replaces every secret by its placeholder in `text` (the decoded file text). */
export function maskCassetteText(text: string, secrets: readonly SecretFinding[]): MaskedText {
  // Longest first, so a secret that contains another is replaced whole.
  const ordered = [...secrets].sort((a, b) => b.secret.length - a.secret.length);
  let masked = text;
  let allLiteral = true;
  for (const { secret, placeholder } of ordered) {
    if (!masked.includes(secret)) allLiteral = false;
    masked = masked.split(secret).join(placeholder);
  }
  if (allLiteral) return { text: masked, method: 'in place' };
  return { text: reserialize(masked, ordered), method: 're-serialized' };
}

function replaceAll(value: string, secrets: readonly SecretFinding[]): string {
  let out = value;
  for (const { secret, placeholder } of secrets) out = out.split(secret).join(placeholder);
  return out;
}

function reserialize(text: string, secrets: readonly SecretFinding[]): string {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const indent = /\n( +)"/.exec(text)?.[1]?.length ?? 2;
      const value: unknown = JSON.parse(text, (_key, v: unknown) =>
        typeof v === 'string' ? replaceAll(v, secrets) : v,
      );
      return JSON.stringify(value, null, indent) + (text.endsWith('\n') ? '\n' : '');
    } catch {
      // Not JSON after all (YAML flow style): fall through to the YAML document.
    }
  }
  const doc = parseDocument(text, { uniqueKeys: false });
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string') node.value = replaceAll(node.value, secrets);
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
