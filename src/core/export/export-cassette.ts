/**
 * The exports of issue 19 as one pure function, run by `cassette-viewer export` and by the page's
 * export worker: a markdown transcript or a HAR 1.2 archive of a loaded cassette, masked by
 * default with the Share's detector (core/share: find-secrets.ts, mask-cassette-text.ts;
 * docs/secret-detection.md). The masked copy of the cassette itself is the Share's
 * (`prepareShare`), not made again here.
 *
 * Masking: the secrets are found once, on the cassette as loaded and on its file text; then each
 * one is replaced, in every spelling, in every string the export writes (the thread's strings for
 * the transcript, before any escaping; URLs, headers, cookies and text bodies for HAR). A binary
 * body cannot be masked as text: a binary body that holds a secret is left out of the HAR, with a
 * comment. Finally the output is searched for every secret found, and any left is replaced.
 */
import { analyzeCassette } from '../analyze';
import type { Cassette } from '../model/http';
import { findSecrets, type SecretFinding } from '../share/find-secrets';
import { maskSecretsInText } from '../share/mask-cassette-text';
import { cassetteToHar } from './har-export';
import { transcriptMarkdown } from './markdown-transcript';
import { maskDeep } from './mask-deep';
import { escapeUnsafeInJson, markUnsafeCharacters } from './visible-text';

export type ExportFormat = 'md' | 'har';

export interface ExportOptions {
  to: ExportFormat;
  /** Mask secrets (the default everywhere; `--no-mask` turns it off). */
  mask: boolean;
  /** `log.creator.version` of the HAR. */
  creatorVersion: string;
  /** The decoded file text, so secrets written only in it (comments, unread fields) are found too. */
  fileText?: string;
}

export interface ExportResult {
  text: string;
  /** The name to save it under, from the cassette's name: `chat.transcript.md`, `chat.har`. */
  downloadName: string;
  mimeType: string;
  /** How many distinct secrets were masked (0 when masking is off). */
  secretsMasked: number;
  /** 1-based calls whose binary body held a secret and was left out of the HAR. */
  withheldBodies: number[];
}

const TEXT_DECODER = new TextDecoder('latin1');

/** The base of a cassette's file name, without folders and cassette extensions. */
export function exportBaseName(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? '')
    .replace(/\.(gz|zz|zlib)$/i, '')
    .replace(/(\.har)?\.(ya?ml|json|toml|har|httprr)$/i, '')
    // Characters a file system or a download prompt could take for something else.
    // eslint-disable-next-line no-control-regex -- control characters are what this removes.
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069/\\:*?"<>|]/g, '_')
    .slice(0, 120)
    .replace(/^[.\s]+/, '');
  return base || 'cassette';
}

function masker(findings: readonly SecretFinding[]): (text: string) => string {
  return (text) => maskSecretsInText(text, findings);
}

export function exportCassette(cassette: Cassette, options: ExportOptions): ExportResult {
  const findings = options.mask ? findSecrets(cassette, options.fileText) : [];
  const mask = masker(findings);
  const base = exportBaseName(cassette.fileName);
  const maskedNote = options.mask
    ? `Secrets masked by cassette-viewer (${findings.length} found); placeholders read <MASKED_…>.`
    : 'Not masked: this export may hold API keys and other secrets.';
  const withheldBodies: number[] = [];
  let text: string;
  if (options.to === 'md') {
    const analyzed = analyzeCassette(cassette);
    const thread = findings.length > 0 ? maskDeep(analyzed.thread, mask) : analyzed.thread;
    text = transcriptMarkdown(
      {
        ...analyzed,
        thread,
        cassette: { ...cassette, recorder: cassette.recorder && mask(cassette.recorder) },
      },
      { fileName: mask(cassette.fileName.split(/[\\/]/).pop() ?? cassette.fileName), note: maskedNote },
    );
  } else {
    const har = cassetteToHar(cassette.exchanges, {
      creatorVersion: options.creatorVersion,
      mask,
      comment: `Exported from ${cassette.fileName} (${cassette.format}). ${maskedNote}`,
    });
    if (findings.length > 0) {
      har.log.entries.forEach((entry, index) => {
        for (const content of [entry.response.content, entry.request.postData]) {
          if (content?.encoding !== 'base64' || content.text === undefined) continue;
          const exchange = cassette.exchanges[index];
          const bytes =
            content === entry.response.content
              ? exchange?.response?.body?.bytes
              : exchange?.request.body?.bytes;
          const latin1 = bytes ? TEXT_DECODER.decode(bytes) : '';
          if (!findings.some((finding) => latin1.includes(finding.secret))) continue;
          content.text = '';
          delete content.encoding;
          entry.comment = `${entry.comment ? `${entry.comment}; ` : 'cassette-viewer: '}a binary body held a secret and was left out`;
          if (!withheldBodies.includes(index + 1)) withheldBodies.push(index + 1);
        }
      });
    }
    text = `${JSON.stringify(har, null, 2)}\n`;
  }
  // Last check: no secret found above may be left anywhere in the output, in any spelling.
  if (findings.length > 0) text = maskSecretsInText(text, findings);
  text = options.to === 'md' ? markUnsafeCharacters(text) : escapeUnsafeInJson(text);
  return {
    text,
    downloadName:
      options.to === 'md'
        ? `${base}${options.mask ? '' : '.unmasked'}.transcript.md`
        : `${base}${options.mask ? '' : '.unmasked'}.har`,
    mimeType: options.to === 'md' ? 'text/markdown' : 'application/json',
    secretsMasked: findings.length,
    withheldBodies,
  };
}
