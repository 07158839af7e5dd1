/**
 * 待同步 — the field app's outbox. Every capture (a case's photo or video, a water sample, a patrol
 * check-in) is first written to IndexedDB with its idempotency key, then sent; what cannot be sent
 * (offline, the server unreachable, the session expired) waits and is sent, in the order it was
 * recorded, when the browser comes back `online` and when the app starts. The server answers a
 * repeated key with the first record, so a retry never creates a second one. A refusal (4xx: the
 * case moved on, a file refused…) is kept with the server's message until the officer retries or
 * dismisses it — never dropped silently.
 */
import { clear, createStore, del, get, set, values } from 'idb-keyval';
import { ApiError, upload } from '../../api/client';

export type OutboxKind = 'evidence' | 'sample' | 'checkin';

/** One recorded capture waiting to be sent (or refused by the server). */
export interface OutboxItem {
  /** The idempotency key the server keeps (a UUID made when it was recorded). */
  key: string;
  kind: OutboxKind;
  /** Where it is sent (multipart: `meta` JSON, then the file). */
  url: string;
  /** Who recorded it: only their session sends it (another officer may sign in on the phone). */
  userId: string;
  /** What the officer sees in the list (案件编号 · 文件名, 河涌 · 日期 …). */
  label: string;
  meta: Record<string, unknown>;
  file: { name: string; type: string; data: Blob };
  /** When it was recorded on the device (ISO), and its place in the order of sending. */
  recordedAt: string;
  seq: number;
  state: 'pending' | 'failed';
  /** The server's refusal, when it refused (status and its Chinese message). */
  error?: { status: number; code: string; message: string };
}

const store = typeof indexedDB === 'undefined' ? undefined : createStore('fazhi-field', 'outbox');
/** The last answers of the reads the field pages need offline, by path (useFieldRead). */
const reads = typeof indexedDB === 'undefined' ? undefined : createStore('fazhi-field-reads', 'reads');
const listeners = new Set<() => void>();
let cache: OutboxItem[] = [];
let running = false;
let again = false;
let currentUser: string | null = null;

async function load(): Promise<OutboxItem[]> {
  if (!store) return [];
  cache = ((await values<OutboxItem>(store)) ?? []).sort((a, b) => a.seq - b.seq);
  for (const l of listeners) l();
  return cache;
}

/** The outbox as last read (the header's count, the list). */
export function outboxItems(): readonly OutboxItem[] {
  return cache;
}

/** Subscribes to changes of the outbox; returns the unsubscribe function. */
export function onOutbox(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Records a capture on the device and tries to send it at once. */
export async function enqueue(item: Omit<OutboxItem, 'seq' | 'state' | 'recordedAt'>): Promise<void> {
  if (!store) throw new Error('此浏览器不支持离线存储（IndexedDB）');
  const seq = Date.now() * 1000 + Math.floor(Math.random() * 1000);
  await set(item.key, { ...item, seq, state: 'pending', recordedAt: new Date().toISOString() } satisfies OutboxItem, store);
  await load();
  void syncOutbox();
}

/** Sends what waits, oldest first; stops at the first failure of the network or the session. */
export async function syncOutbox(): Promise<void> {
  // One run at a time; what is recorded during a run is sent by the run that follows it.
  if (running) {
    again = true;
    return;
  }
  running = true;
  try {
    do {
      again = false;
      await sendWaiting();
    } while (again);
  } finally {
    running = false;
    await load();
  }
}

async function sendWaiting(): Promise<void> {
  for (const item of await load()) {
    if (item.state !== 'pending' || item.userId !== currentUser) continue;
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
    if ((await send(item)) === 'stop') return;
  }
}

async function send(item: OutboxItem): Promise<'sent' | 'refused' | 'stop'> {
  try {
    await upload(item.url, item.file.data, { filename: item.file.name, fields: { meta: JSON.stringify(item.meta) } });
    await del(item.key, store);
    return 'sent';
  } catch (e) {
    const err = e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e));
    // Offline, the server down or busy, the session expired: it waits for the next sync.
    if (err.status === 0 || err.status === 401 || err.status === 408 || err.status === 429 || err.status >= 500) return 'stop';
    await set(item.key, { ...item, state: 'failed', error: { status: err.status, code: err.code, message: err.message } }, store);
    return 'refused';
  }
}

/** Sends a refused item again (the officer changed nothing on the device: the case may have moved back). */
export async function retry(key: string): Promise<void> {
  const item = store ? await get<OutboxItem>(key, store) : undefined;
  if (!item) return;
  await set(key, { ...item, state: 'pending', error: undefined }, store);
  await syncOutbox();
}

/** Drops a refused item, on the officer's word. */
export async function dismiss(key: string): Promise<void> {
  if (store) await del(key, store);
  await load();
}

let started = false;
/** Starts syncing for the signed-in user: now (the app has started) and whenever the browser comes back online. */
export function startOutbox(userId: string): void {
  if (currentUser !== userId) {
    currentUser = userId;
    void syncOutbox();
  }
  if (started || typeof window === 'undefined') return;
  started = true;
  window.addEventListener('online', () => void syncOutbox());
  void syncOutbox();
}

/** Keeps the answer of a read for offline use. */
export async function keepRead(path: string, data: unknown): Promise<void> {
  if (reads) await set(path, { userId: currentUser, data }, reads);
}

/** The kept answer of a read (the signed-in user's own), if any. */
export async function keptRead<T>(path: string): Promise<T | undefined> {
  const r = reads ? await get<{ userId: string | null; data: T }>(path, reads) : undefined;
  return r && r.userId === currentUser ? r.data : undefined;
}

/** Forgets the kept reads (signing out: another officer may use the phone next). */
export async function forgetReads(): Promise<void> {
  if (reads) await clear(reads);
}
