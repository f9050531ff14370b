/** Messages between the page and the export worker (export-worker.ts). */

/** What the Export menu offers: a transcript, a HAR archive, the masked cassette itself. */
export type ExportKind = 'md' | 'har' | 'masked';

export interface ExportWorkerRequest {
  kind: ExportKind;
  fileName: string;
  bytes: Uint8Array;
}

export type ExportWorkerResponse =
  | {
      ok: true;
      text: string;
      downloadName: string;
      mimeType: string;
      /** Distinct secrets replaced by placeholders. */
      secretsMasked: number;
      /** What the user should know: bodies left out, … (empty when nothing). */
      notes: string[];
    }
  | { ok: false; message: string };
