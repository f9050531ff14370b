/**
 * Web Worker for the exports (issue 19): finding and masking secrets costs 2–3 ms per KB of
 * cassette (docs/secret-detection.md), far too long for the page's thread on a large file, so
 * the load, the export and the masking all run here, as the Share's masking does in its worker
 * (https://vite.dev/guide/features#web-workers). The masked copy is the Share's own
 * `prepareShare`, not a second implementation.
 */
import { loadCassette } from '../../core/cassette';
import { decodeFileBytes } from '../../core/cassette/file-decoder';
import { exportCassette } from '../../core/export/export-cassette';
import { prepareShare } from '../../core/share/prepare-share';
import { APP_VERSION } from './app-version';
import type { ExportWorkerRequest, ExportWorkerResponse } from './export-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function maskedCopy(request: ExportWorkerRequest): ExportWorkerResponse {
  const result = prepareShare({
    fileName: request.fileName,
    bytes: request.bytes,
    mask: true,
    indices: null,
  });
  if (!result.ok) return result;
  if (result.surviving.length > 0) {
    const calls = [...new Set(result.surviving.flatMap((item) => item.calls))].join(', ');
    return {
      ok: false,
      message: `A secret could not be masked (it is inside an encoded body${calls ? ` of call ${calls}` : ''}), so no masked copy is made.`,
    };
  }
  return {
    ok: true,
    text: result.text,
    downloadName: result.downloadName,
    mimeType: 'text/plain',
    secretsMasked: result.found.length,
    notes: [],
  };
}

function answer(request: ExportWorkerRequest): ExportWorkerResponse {
  try {
    if (request.kind === 'masked') return maskedCopy(request);
    const cassette = loadCassette(request.bytes, request.fileName);
    const decoded = decodeFileBytes(request.bytes);
    const result = exportCassette(cassette, {
      to: request.kind,
      mask: true,
      creatorVersion: APP_VERSION,
      ...(decoded.ok ? { fileText: decoded.text } : {}),
    });
    return {
      ok: true,
      text: result.text,
      downloadName: result.downloadName,
      mimeType: result.mimeType,
      secretsMasked: result.secretsMasked,
      notes:
        result.withheldBodies.length > 0
          ? [`Binary bodies of calls ${result.withheldBodies.join(', ')} held a secret and were left out.`]
          : [],
    };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

scope.onmessage = (event: MessageEvent<ExportWorkerRequest>) => scope.postMessage(answer(event.data));
