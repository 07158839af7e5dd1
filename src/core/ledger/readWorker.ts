/**
 * The ledger-file reader worker (started by `readerPool.ts` through `readWorker.mjs`): reads one
 * file at a time with `readSheetRowsHere` — inflating, XML/CSV parsing, every limit of
 * `limits.ts` — and sends its rows to the main thread in batches, at most {@link WINDOW} batches
 * ahead of what the main thread has taken.
 */
import { parentPort } from 'node:worker_threads';
import { LedgerFileError, readSheetRowsHere, type SheetRow } from './files.js';
import type { FromReader, ReaderError, ToReader } from './readerPool.js';

/** Rows per batch, and characters: a batch of wide rows of long texts is sent sooner. */
const BATCH_ROWS = 1_000;
const BATCH_CHARS = 4_000_000;
/** Batches sent and not yet taken before the worker waits. */
const WINDOW = 4;

const port = parentPort!;
let current = 0;
let ahead = 0;
let wake: (() => void) | undefined;

function send(m: FromReader): void {
  port.postMessage(m);
}

function toReaderError(e: unknown): ReaderError {
  if (e instanceof LedgerFileError) return { name: e.name, code: e.code, message: e.message, details: e.details };
  return { name: (e as Error)?.name ?? 'Error', message: (e as Error)?.message ?? String(e) };
}

function charsOf(row: SheetRow): number {
  let n = 16;
  for (const v of row.cells) n += typeof v === 'string' ? v.length : 8;
  return n;
}

async function read(m: Extract<ToReader, { type: 'read' }>): Promise<void> {
  const job = m.job;
  current = job;
  ahead = 0;
  const buffer = Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength);
  let batch: SheetRow[] = [];
  let chars = 0;
  const flush = async () => {
    send({ type: 'rows', job, rows: batch });
    batch = [];
    chars = 0;
    ahead += 1;
    while (ahead >= WINDOW) await new Promise<void>((resolve) => (wake = resolve));
  };
  try {
    for await (const row of readSheetRowsHere(buffer, m.filename, m.options)) {
      batch.push(row);
      chars += charsOf(row);
      if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
    }
    if (batch.length) await flush();
    send({ type: 'done', job });
  } catch (e) {
    send({ type: 'error', job, error: toReaderError(e) });
  }
}

port.on('message', (m: ToReader) => {
  if (m.type === 'ack') {
    if (m.job !== current) return;
    ahead -= 1;
    wake?.();
    wake = undefined;
    return;
  }
  void read(m);
});
