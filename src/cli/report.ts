/**
 * `mentoring report [PATH|REPO...]`: one row of counts per pair (core/report.ts) across the
 * mentoring files below each PATH and in each git repository (repos.ts), as JSON, CSV, Markdown
 * or one HTML page. Many files are read in worker threads, one per core (reportWorker.ts).
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { isMentoringPath, MENTORING_FILES_IN_WORDS } from '../core/files';
import { sortReport, type ErrorRow, type PairRow, type Report } from '../core/report';
import { REPORT_FORMATS, reportCsv, reportJson, reportMarkdown, type ReportFormat } from '../core/reportFormats';
import { reportHtml } from '../core/reportHtml';
import { writeAtomicTo } from '../node/casWrite';
import { parseCommand, str } from './args';
import { display, findMentoringFiles, formatText, reason, type SkippedLink } from './files';
import { clock, Failure, UsageError, type Io } from './io';
import { readPair, type ReadJob, type ReadOutcome } from './reportRead';
import type { WorkerAnswer, WorkerBatch } from './reportWorker';
import { cacheEntry, fetchRepo, isBareRepository, isGitUrl, RepoFailure } from './repos';

export const REPORT_USAGE = `Usage: mentoring report [PATH|REPO...] [--format json|csv|md|html] [--out FILE]

One row per pair: who mentors whom; sessions planned, held, cancelled and
cancelled late; the share of cadence periods kept; topic notices kept; tasks
open, done and overdue; feedback given (a count); goals active, achieved and
overdue; the last session; the review date; accepted by both; closed. Counts
only: never notes, feedback, ratings, agendas, topics or comments.

PATH is a folder (every ${MENTORING_FILES_IN_WORDS}
below it; default .) or a file. REPO is a git URL (https://, ssh://, file://,
user@host:path) or a bare repository: only its mentoring files are fetched, into
a shallow sparse clone in $XDG_CACHE_HOME/mentoring/repos (~/.cache/…), refreshed
on the next run. A file that does not parse is an error row (file, line,
column); the exit code is then 1.

Options:
  --format json|csv|md|html  md (default); json: {"pairs": [...], "errors": [...]}
  --out FILE                 write there instead of stdout
  --jobs N                   worker threads (default: one per core, for many files; 0: none)
  --progress                 a progress line on stderr (default: when stderr is a terminal)
  --timeout SECONDS          for each git call (default 120)
  -h, --help                 show this help`;

/** Below this many files the threads cost more than they save. */
const WORKER_THRESHOLD = 64;
const BATCH = 16;

export async function report(argv: string[], io: Io): Promise<number> {
  const p = parseCommand(argv, {
    format: { type: 'string' }, out: { type: 'string' }, jobs: { type: 'string' }, progress: { type: 'boolean' }, timeout: { type: 'string' },
  }, REPORT_USAGE);
  if (p.help) return io.out(REPORT_USAGE + '\n'), 0;
  const format = (str(p, 'format') ?? 'md') as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(`--format must be json, csv, md or html, not "${String(format)}".`, REPORT_USAGE);
  const jobsWanted = count(str(p, 'jobs'), '--jobs');
  const timeout = count(str(p, 'timeout'), '--timeout');
  const out = str(p, 'out');
  const outPath = out === undefined ? undefined : resolve(io.cwd, out);
  if (outPath !== undefined && isMentoringPath(outPath.replace(/\\/g, '/'))) {
    throw new UsageError(`--out ${out} names a mentoring file; choose another file for the report.`, REPORT_USAGE);
  }
  const now = clock(io.env);
  const showProgress = p.values.progress === true || process.stderr.isTTY === true;

  const errors: ErrorRow[] = [];
  const jobs: ReadJob[] = [];
  const skipped: SkippedLink[] = [];
  const args = p.positionals.length > 0 ? p.positionals : ['.'];
  const repos: string[] = [];
  // A repository named twice is fetched and reported once (its copy is held for the whole run).
  const cached = new Set<string>();
  for (const arg of args) {
    const path = resolve(io.cwd, arg);
    if (isGitUrl(arg) || isBareRepository(path)) {
      const { dir } = cacheEntry(arg, io.env);
      if (!cached.has(dir)) repos.push(arg);
      cached.add(dir);
    } else if (isFolder(path)) jobs.push(...folderJobs(io, path, null, path, skipped, errors));
    else jobs.push({ path, file: display(io, path), repo: null });
  }
  for (const s of skipped) errors.push({ file: display(io, s.path), repo: null, line: 1, column: 1, code: 'symlink-not-followed', message: s.message });

  // Repositories are fetched side by side (network-bound), a few at a time; each copy stays
  // locked against another report's refresh until its files are read.
  const held: { release(): void }[] = [];
  let outcomes: Awaited<ReturnType<typeof readInWorkers>>;
  try {
    const fetched = await mapLimit(repos, 4, async (url) => {
      try {
        const got = await fetchRepo(url, { env: io.env, ...(timeout !== undefined ? { timeoutMs: timeout * 1000 } : {}) });
        if (got.stale !== undefined) io.err(`mentoring report: ${got.stale}.\n`);
        held.push(got);
        return { url, dir: got.dir };
      } catch (err) {
        if (!(err instanceof RepoFailure)) throw err;
        errors.push({ file: '', repo: url, line: 1, column: 1, code: 'repo-unreachable', message: err.message });
        return undefined;
      }
    });
    for (const r of fetched) {
      if (r === undefined) continue;
      const inRepo: SkippedLink[] = [];
      jobs.push(...folderJobs(io, r.dir, r.url, r.dir, inRepo, errors));
      for (const s of inRepo) errors.push({ file: relative(r.dir, s.path), repo: r.url, line: 1, column: 1, code: 'symlink-not-followed', message: s.message.replaceAll(r.dir, 'the repository') });
    }

    const progress = showProgress && jobs.length >= WORKER_THRESHOLD ? progressLine(io, jobs.length) : undefined;
    const threads = jobsWanted ?? Math.min(availableParallelism(), Math.ceil(jobs.length / (BATCH * 2)));
    outcomes = jobs.length >= WORKER_THRESHOLD && threads > 0 && canStartWorkers()
      ? await readInWorkers(jobs, now, threads, progress)
      : jobs.map((job, i) => {
          progress?.(i + 1);
          return readPair(job, now);
        });
  } finally {
    for (const h of held) h.release();
  }
  const pairs: PairRow[] = [];
  for (const o of outcomes) {
    if ('pair' in o) pairs.push(o.pair);
    else errors.push(o.error);
  }
  const result = sortReport({ pairs, errors });

  const text = render(result, format, now, outPath !== undefined);
  if (outPath !== undefined) {
    try {
      writeAtomicTo(outPath, text);
    } catch (err) {
      throw new Failure(`Cannot write ${display(io, outPath)}: ${reason(err)}`);
    }
  } else io.out(text);
  if (format !== 'json' || outPath !== undefined) {
    for (const e of result.errors) io.err(formatText(e.repo !== null ? `${e.repo} ${e.file}` : e.file, { ...e, severity: 'error' }) + '\n');
  }
  if (jobs.length === 0 && repos.length === 0) io.err(`No mentoring files found (looked for ${MENTORING_FILES_IN_WORDS}).\n`);
  io.err(`${result.pairs.length} pair${result.pairs.length === 1 ? '' : 's'} reported${result.errors.length > 0 ? `, ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}` : ''}${outPath !== undefined ? ` into ${display(io, outPath)}` : ''}.\n`);
  return result.errors.length > 0 ? 1 : 0;
}

function render(report: Report, format: ReportFormat, now: Date, toFile: boolean): string {
  if (format === 'json') return reportJson(report);
  // On stdout every CR is shown as \u000d (main.ts escapes all output): records end in LF there.
  if (format === 'csv') return reportCsv(report, toFile ? '\r\n' : '\n');
  if (format === 'md') return reportMarkdown(report);
  return reportHtml(report, now);
}

function count(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,4}$/.test(value)) throw new UsageError(`${flag} must be a whole number, not "${value}".`, REPORT_USAGE);
  return Number(value);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // an error row when it is read
  }
}

/** The files below `root`, named relative to the repository (`repo`) or as shown to the user. */
function folderJobs(io: Io, root: string, repo: string | null, base: string, skipped: SkippedLink[], errors: ErrorRow[]): ReadJob[] {
  const name = (f: string): string => (repo !== null ? relative(base, f).split('\\').join('/') : display(io, f));
  return findMentoringFiles(root, skipped, (dir, err) => {
    errors.push({ file: name(dir), repo, line: 1, column: 1, code: 'unreadable-folder',
      message: `This folder could not be read (${reason(err).replace(/\.$/, '')}), so a mentoring file in it was not counted.` });
  }).map((path) => ({ path, file: name(path), repo }));
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

/** Workers load the bundle this code runs from (dist/cli.js); from TypeScript sources (tests in-process) there is none. */
function canStartWorkers(): boolean {
  return __filename.endsWith('.js');
}

/** Every job read by `threads` workers, each taking the next batch when it answers one. */
function readInWorkers(jobs: ReadJob[], now: Date, threads: number, progress?: (done: number) => void): Promise<ReadOutcome[]> {
  const outcomes = new Array<ReadOutcome>(jobs.length);
  let next = 0;
  let done = 0;
  return new Promise((resolveAll, reject) => {
    const workers: Worker[] = [];
    const finish = (err?: Error): void => {
      for (const w of workers) void w.terminate();
      if (err !== undefined) reject(err);
      else resolveAll(outcomes);
    };
    const send = (w: Worker): boolean => {
      if (next >= jobs.length) return false;
      const batch: WorkerBatch = { jobs: jobs.slice(next, next + BATCH).map((job, k) => ({ index: next + k, job })), now: now.toISOString() };
      next += batch.jobs.length;
      w.postMessage(batch);
      return true;
    };
    for (let t = 0; t < Math.min(threads, Math.ceil(jobs.length / BATCH)); t++) {
      const w = new Worker(`require(${JSON.stringify(__filename)}).reportWorkerMain()`, { eval: true });
      workers.push(w);
      w.on('message', (answer: WorkerAnswer) => {
        for (const { index, outcome } of answer.outcomes) outcomes[index] = outcome;
        done += answer.outcomes.length;
        progress?.(done);
        if (done === jobs.length) finish();
        else send(w);
      });
      w.on('error', (err: Error) => finish(err));
      send(w);
    }
  });
}

/** `report: 420 of 1000 files read`, at most every half second, and the last one. */
function progressLine(io: Io, total: number): (done: number) => void {
  let last = 0;
  return (done) => {
    const t = Date.now();
    if (done < total && t - last < 500) return;
    last = t;
    io.err(`report: ${done} of ${total} files read\n`);
  };
}
