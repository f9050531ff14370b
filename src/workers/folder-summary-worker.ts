/**
 * Web Worker entry for the folder overview (issue 19): summarizes the files it is sent, one after
 * another, and keeps nothing between them (folder-summary-protocol.ts). A few of these read a
 * whole folder; opening one of its files then goes through the usual load worker.
 */
import { loadCassette } from '../core/cassette';
import { runBatchJob, runSummaryJob, type SummaryJob } from './folder-summary-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// Jobs that name a source are read here (fetch or Blob) while the file before them is parsed.
scope.onmessage = (event: MessageEvent<SummaryJob>) => {
  const job = event.data;
  if ('parts' in job) void runBatchJob(job, loadCassette, (response) => scope.postMessage(response));
  else void runSummaryJob(job, loadCassette).then((response) => scope.postMessage(response));
};
