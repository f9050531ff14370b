/**
 * Web Worker entry for the folder overview (issue 19): summarizes the files it is sent, one after
 * another, and keeps nothing between them (folder-summary-protocol.ts). A few of these read a
 * whole folder; opening one of its files then goes through the usual load worker.
 */
import { loadCassette } from '../core/cassette';
import { summarizeFile, type SummaryRequest, type SummaryResponse } from './folder-summary-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<SummaryRequest>) => {
  const response: SummaryResponse = summarizeFile(event.data, loadCassette);
  scope.postMessage(response);
};
