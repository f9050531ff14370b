/**
 * Web Worker for the slow share steps (masking, verifying and deflating a 40 MB file; inflating a
 * large `#c=` link), so the page never freezes (https://vite.dev/guide/features#web-workers).
 */
import { prepareShare } from '../../core/share/prepare-share';
import { decodeSharePayload } from '../../core/share/share-codec';
import type { ShareWorkerRequest, ShareWorkerResponse } from './share-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function answer(request: ShareWorkerRequest): ShareWorkerResponse {
  try {
    if (request.kind === 'prepare') return { kind: 'prepared', result: prepareShare(request.request) };
    const shared = decodeSharePayload(request.payload);
    return { kind: 'decoded', fileName: shared.fileName, bytes: new TextEncoder().encode(shared.text) };
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

scope.onmessage = (event: MessageEvent<ShareWorkerRequest>) => {
  const response = answer(event.data);
  if (response.kind === 'decoded') scope.postMessage(response, [response.bytes.buffer]);
  else scope.postMessage(response);
};
