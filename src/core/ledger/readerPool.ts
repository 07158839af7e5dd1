/**
 * The main-thread side of the ledger-file reader worker (`readWorker.ts`): a small pool of worker
 * threads, each with a capped heap, that read files for {@link readSheetRows} and send the rows
 * back in batches. A worker that finished its file cleanly (rows read, or a clear refusal) is kept
 * idle for the next file — starting one costs ~0.3–0.5 s (the TypeScript loader and exceljs) —
 * and one whose file was abandoned (`return()`), or that died (its heap limit), is terminated.
 */
import { Worker } from 'node:worker_threads';
import { workerEntry } from '../workerEntry.js';
import { LedgerFileError, type LedgerFileErrorCode, type LedgerFileErrorDetails, type ReadTableOptions, type SheetRow } from './files.js';
import { READER_HEAP_MB } from './limits.js';

/** What the main thread sends a worker: a file to read, or that a batch of rows has been taken. */
export type ToReader = { type: 'read'; job: number; data: Uint8Array; filename: string; options: ReadTableOptions } | { type: 'ack'; job: number };

/** An error as it crosses the thread boundary. */
export interface ReaderError {
  name: string;
  message: string;
  code?: string;
  details?: LedgerFileErrorDetails;
}

/** What a worker sends back. */
export type FromReader = { type: 'rows'; job: number; rows: SheetRow[] } | { type: 'done'; job: number } | { type: 'error'; job: number; error: ReaderError };

/** The worker's entry (readWorker.mjs under the TypeScript sources, readWorker.js compiled). */
const WORKER_URL = workerEntry(import.meta.url, 'readWorker');
/** Idle workers kept for the next file, and how long. */
const IDLE_MAX = 2;
const IDLE_MS = 60_000;

const idle: Array<{ worker: Worker; timer: NodeJS.Timeout }> = [];
let live = 0;
let busy = 0;
let jobs = 0;

/** Reader workers alive now, busy or idle (for tests). */
export function readerWorkers(): number {
  return live;
}

/** Files being read now. */
export function readerJobs(): number {
  return busy;
}

/** Ends the idle workers (tests; a process that exits does not need it: idle workers do not keep it alive). */
export async function closeReaderWorkers(): Promise<void> {
  const all = idle.splice(0, idle.length);
  for (const i of all) clearTimeout(i.timer);
  await Promise.all(all.map((i) => i.worker.terminate()));
}

/** The reader worker's heap cap (MB): `FAZHI_READER_HEAP_MB`, else {@link READER_HEAP_MB}; read when a worker starts. */
export function readerHeapMb(): number {
  const v = Number(process.env.FAZHI_READER_HEAP_MB);
  return Number.isInteger(v) && v >= 16 ? v : READER_HEAP_MB;
}

function spawn(): Worker {
  const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: readerHeapMb() } });
  live += 1;
  worker.once('exit', () => {
    live -= 1;
    const i = idle.findIndex((x) => x.worker === worker);
    if (i >= 0) clearTimeout(idle.splice(i, 1)[0]!.timer);
  });
  return worker;
}

function acquire(): Worker {
  const kept = idle.pop();
  if (!kept) return spawn();
  clearTimeout(kept.timer);
  kept.worker.ref();
  return kept.worker;
}

function release(worker: Worker): void {
  if (idle.length >= IDLE_MAX) {
    void worker.terminate();
    return;
  }
  worker.unref();
  const timer = setTimeout(() => {
    const i = idle.findIndex((x) => x.worker === worker);
    if (i >= 0) idle.splice(i, 1);
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  idle.push({ worker, timer });
}

/** The error a worker reported, as the reader on this thread would have thrown it. */
function revive(e: ReaderError): Error {
  if (e.name === 'LedgerFileError' && e.code) return new LedgerFileError(e.code as LedgerFileErrorCode, e.message, e.details);
  return new Error(e.message);
}

/** A worker that died: past its heap limit, the file is refused; anything else is a fault of ours. */
function crashError(error: Error): Error {
  if ((error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    const mb = readerHeapMb();
    return new LedgerFileError('LEDGER_FILE_TOO_LARGE', `读取该文件所需的内存超过${mb} MB 的上限，已停止读取：请拆分为多个文件分批导入`, {
      limit: 'memory',
      max: mb,
    });
  }
  return error;
}

/**
 * Reads a file in a reader worker and yields its rows (what `readSheetRowsHere` yields there).
 * The worker sends at most a few batches ahead and then waits for this side to take them.
 */
export async function* readInWorker(buffer: Buffer, filename: string, options: ReadTableOptions): AsyncGenerator<SheetRow, void, undefined> {
  const job = ++jobs;
  const worker = acquire();
  busy += 1;
  type Event = FromReader | { type: 'crash'; error: Error } | { type: 'exit' };
  const inbox: Event[] = [];
  let wake: (() => void) | undefined;
  const push = (e: Event) => {
    inbox.push(e);
    wake?.();
    wake = undefined;
  };
  const onMessage = (m: FromReader) => {
    if (m.job === job) push(m);
  };
  const onError = (error: Error) => push({ type: 'crash', error });
  const onExit = () => push({ type: 'exit' });
  worker.on('message', onMessage);
  worker.on('error', onError);
  worker.on('exit', onExit);
  let clean = false;
  try {
    // The worker gets its own copy of the file (the caller keeps the buffer: its digest, the stored original).
    const data = new Uint8Array(buffer.length);
    data.set(buffer);
    worker.postMessage({ type: 'read', job, data, filename, options } satisfies ToReader, [data.buffer]);
    for (;;) {
      while (!inbox.length) await new Promise<void>((resolve) => (wake = resolve));
      const e = inbox.shift()!;
      if (e.type === 'rows') {
        worker.postMessage({ type: 'ack', job } satisfies ToReader);
        yield* e.rows;
      } else if (e.type === 'done') {
        clean = true;
        return;
      } else if (e.type === 'error') {
        clean = true;
        throw revive(e.error);
      } else if (e.type === 'crash') {
        throw crashError(e.error);
      } else {
        throw new Error('读取文件的工作线程意外退出');
      }
    }
  } finally {
    busy -= 1;
    worker.off('message', onMessage);
    worker.off('error', onError);
    worker.off('exit', onExit);
    if (clean) release(worker);
    else await worker.terminate();
  }
}
