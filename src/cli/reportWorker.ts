/**
 * A worker thread of `mentoring report`: reads and counts the files it is sent, in batches, and
 * answers each batch (`reportRead.ts`). Started by `report.ts` through the CLI bundle's
 * `reportWorkerMain` (src/cli/main.ts), so the worker runs the very code of the command.
 */
import { parentPort } from 'node:worker_threads';
import { readPair, type ReadJob, type ReadOutcome } from './reportRead';

export interface WorkerBatch {
  jobs: { index: number; job: ReadJob }[];
  now: string;
}

export interface WorkerAnswer {
  outcomes: { index: number; outcome: ReadOutcome }[];
}

export function runReportWorker(): void {
  const port = parentPort;
  if (port === null) throw new Error('the report worker runs in a worker thread');
  port.on('message', (batch: WorkerBatch) => {
    const now = new Date(batch.now);
    const outcomes = batch.jobs.map(({ index, job }) => {
      try {
        return { index, outcome: readPair(job, now) };
      } catch (err) {
        const message = `The file could not be read (${err instanceof Error ? err.message : String(err)}). Please report this.`;
        return { index, outcome: { error: { file: job.file, repo: job.repo, line: 1, column: 1, code: 'internal', message } } };
      }
    });
    const answer: WorkerAnswer = { outcomes };
    port.postMessage(answer);
  });
}
