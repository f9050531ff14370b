/**
 * The whole "make a share link" job as one pure function, so the page can run it in a worker and
 * tests can run it in Node: decode the file (gzip/zlib/BOM), optionally cut it to chosen
 * interactions, find secrets, mask them in the file's own format, load the masked text again and
 * run the whole detector on it (find-secrets.ts), then encode the `#c=` payload (share-codec.ts). A link is refused
 * (payload null) when verification fails: a secret inside a base64 or compressed body cannot be
 * replaced as text, and sharing it anyway would leak it.
 */
import { appendAll } from '../../lib/arrays';
import { loadCassetteText } from '../cassette';
import { decodeFileBytes } from '../cassette/file-decoder';
import type { Cassette } from '../model/http';
import { downloadName } from './download-name';
import { findSecrets, previewSecret, type SecretFinding } from './find-secrets';
import { maskCassetteText } from './mask-cassette-text';
import { GITLEAKS_VERSION } from './secret-rules/gitleaks-rules.generated';
import { ruleCount } from './secret-rules/rule-engine';
import { selectInteractions } from './select-interactions';
import { encodeSharePayload } from './share-codec';

export interface ShareRequest {
  fileName: string;
  bytes: Uint8Array;
  /** Mask secrets (on by default in the UI). */
  mask: boolean;
  /** Keep only these interactions (0-based), or all when null. */
  indices: readonly number[] | null;
}

/** One line of the "what will be masked" preview; never carries the secret itself. */
export interface MaskPreviewItem {
  label: string;
  preview: string;
  placeholder: string;
  /** 1-based call numbers, as the table shows them. */
  calls: number[];
  occurrences: number;
}

/** A secret still present after masking: where it is, never what it is. */
export interface SurvivingSecret {
  label: string;
  preview: string;
  /** 1-based call numbers, or empty when only the file text (not a decoded field) carries it. */
  calls: number[];
}

/** What the detector checked, and what it could not see, for the dialog to say. */
export interface ShareCheck {
  /** How many token rules ran (gitleaks' and the app's own). */
  rules: number;
  /** e.g. "gitleaks v8.30.1". */
  ruleset: string;
  /** 1-based calls with a binary body (image, audio, event-stream frames): not scanned. */
  binaryCalls: number[];
  /** 1-based calls with a body stored encoded (base64, compressed): scanned after decoding. */
  encodedCalls: number[];
}

export type PreparedShare =
  | {
      ok: true;
      fileName: string;
      /** The file name for "Download (masked) cassette": the format's own extension (download-name.ts). */
      downloadName: string;
      /** The text to share or download (masked unless masking was turned off). */
      text: string;
      interactionCount: number;
      found: MaskPreviewItem[];
      surviving: SurvivingSecret[];
      /** `d1:…`, or null when a secret survived masking (the link is refused). */
      payload: string | null;
      method: 'in place' | 're-serialized' | 'not masked';
      check: ShareCheck;
    }
  | { ok: false; message: string };

function toPreview(finding: SecretFinding): MaskPreviewItem {
  return {
    label: finding.label,
    preview: previewSecret(finding.secret),
    placeholder: finding.placeholder,
    calls: finding.exchanges.map((index) => index + 1),
    occurrences: finding.occurrences,
  };
}

function loadOrMessage(text: string, fileName: string): Cassette | string {
  try {
    return loadCassetteText(text, fileName);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Masking passes after the first, for what masking uncovered (see prepareShare). */
const MORE_MASKING_PASSES = 3;

const ENCODED_STEP = /base64|gzip|deflate|brotli|\bbr\b|zstd|zlib|binary/i;

function checkOf(cassette: Cassette): ShareCheck {
  const binaryCalls: number[] = [];
  const encodedCalls: number[] = [];
  for (const exchange of cassette.exchanges) {
    const bodies = [exchange.request.body, exchange.response?.body];
    if (bodies.some((body) => body && body.text === null && body.sizeBytes > 0))
      binaryCalls.push(exchange.index + 1);
    if (bodies.some((body) => body?.decoding.some((step) => ENCODED_STEP.test(step)))) {
      encodedCalls.push(exchange.index + 1);
    }
  }
  return { rules: ruleCount(), ruleset: `gitleaks ${GITLEAKS_VERSION}`, binaryCalls, encodedCalls };
}

export function prepareShare(request: ShareRequest): PreparedShare {
  const decoded = decodeFileBytes(request.bytes);
  if (!decoded.ok) return { ok: false, message: decoded.message };
  let text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  if (request.indices !== null) {
    try {
      text = selectInteractions(text, request.indices);
    } catch (error) {
      return { ok: false, message: `Could not cut the file to the chosen interactions: ${String(error)}` };
    }
  }
  const original = loadOrMessage(text, request.fileName);
  if (typeof original === 'string') return { ok: false, message: original };
  const findings = findSecrets(original, text);
  const common = {
    ok: true as const,
    fileName: request.fileName,
    downloadName: downloadName(request.fileName, { ...original, text }, request.mask),
    interactionCount: original.exchanges.length,
    found: findings.map(toPreview),
    check: checkOf(original),
  };
  if (!request.mask) {
    return {
      ...common,
      text,
      surviving: [],
      payload: encodeSharePayload({ fileName: request.fileName, text }),
      method: 'not masked',
    };
  }
  let masked = maskCassetteText(text, findings);
  let reloaded = loadOrMessage(masked.text, request.fileName);
  // Masking can uncover a secret: a gitleaks rule whose greedy `.*` ran to the last `--user` of a
  // text sees the first one once the last is a placeholder. What the detector finds in the masked
  // copy is masked in turn, a few times, before the check below decides.
  const masks = [...findings];
  for (let pass = 0; pass < MORE_MASKING_PASSES && typeof reloaded !== 'string'; pass++) {
    const missed = findSecrets(reloaded, masked.text).map((finding, i) => ({
      ...finding,
      placeholder: finding.placeholder.replace(/_\d+>$/, `_${masks.length + i + 1}>`),
    }));
    if (missed.length === 0) break;
    appendAll(masks, missed);
    masked = maskCassetteText(masked.text, missed);
    reloaded = loadOrMessage(masked.text, request.fileName);
  }
  if (typeof reloaded === 'string') {
    return { ok: false, message: `The masked file could not be read back, so it is not shared: ${reloaded}` };
  }
  common.found = masks.map(toPreview);
  // The read-back check runs the whole detector again on the masked copy, as read back and as
  // text: not a search for the secrets found above, so whatever masking missed is caught too.
  const surviving: SurvivingSecret[] = findSecrets(reloaded, masked.text).map((finding) => ({
    label: finding.label,
    preview: previewSecret(finding.secret),
    calls: finding.exchanges.map((index) => index + 1),
  }));
  const payload =
    surviving.length === 0 ? encodeSharePayload({ fileName: request.fileName, text: masked.text }) : null;
  return { ...common, text: masked.text, surviving, payload, method: masked.method };
}
