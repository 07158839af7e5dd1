/**
 * Signed checkpoints of the audit chain. The chain's hashes prove that events follow one
 * another unaltered, but whoever can write the database can delete the newest events or
 * recompute every hash after a change. A checkpoint — the head's (seq, hash) signed with
 * HMAC-SHA256 under a key that is not in the database — pins the chain: a deleted tail, a
 * truncate or a recomputed rewrite no longer matches it. Verification then starts at the
 * newest valid checkpoint and reads only the events recorded since.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { KernelDB } from '../db/types.js';
import { verifyChain, type VerifyResult } from './audit.js';
import { loadKey } from '../crypto/pii.js';
import { AppError } from '../errors.js';

/**
 * The checkpoint key: FAZHI_AUDIT_KEY (base64, 32 bytes) or a key file in the key folder,
 * created on first use (mode 0600) — but not once checkpoints exist (`hasCheckpoints`): a new
 * key would make every signed checkpoint look forged, so a missing key stops the start.
 */
export function loadAuditKey(keyFile: string, opts: { hasCheckpoints?: boolean } = {}): Buffer {
  return loadKey('FAZHI_AUDIT_KEY', keyFile, {
    create: !opts.hasCheckpoints,
    onMissing: () =>
      new AppError(
        'AUDIT_KEY_MISSING',
        `找不到审计检查点密钥 ${keyFile}，而数据库中已有用它签署的检查点。请把本数据库的 audit.key 放回密钥目录 ${path.dirname(keyFile)}（或用 FAZHI_KEY_DIR、FAZHI_AUDIT_KEY_FILE、FAZHI_AUDIT_KEY 指明）`,
        1,
      ),
  });
}

/** The MAC of a checkpoint. */
export function checkpointMac(key: Buffer, c: { tenantId: string; seq: number; hash: string; at: Date }): string {
  return crypto.createHmac('sha256', key).update(`fazhi-audit-checkpoint/v1\n${c.tenantId}\n${c.seq}\n${c.hash}\n${c.at.toISOString()}`).digest('hex');
}

/** A checkpoint as written to the sink outside the database (one JSON line each). */
export interface SinkCheckpoint {
  tenantId: string;
  seq: number;
  hash: string;
  at: string;
  mac: string;
}

/**
 * Appends a checkpoint to the sink: a file outside the database (by default in the key folder;
 * `FAZHI_AUDIT_SINK` may point to a write-once or remote mount), appended and synced. Whoever empties both the chain and the checkpoint table in the
 * database is then still contradicted by the sink.
 */
export function appendSink(file: string, c: SinkCheckpoint): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'a', 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify(c)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** The sink's checkpoints of a tenant, newest first (a missing file holds none; a torn last line is skipped). */
export function readSink(file: string, tenantId: string): SinkCheckpoint[] {
  if (!fs.existsSync(file)) return [];
  const out: SinkCheckpoint[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const c = JSON.parse(line) as SinkCheckpoint;
      if (c.tenantId === tenantId && Number.isInteger(c.seq) && typeof c.hash === 'string' && typeof c.mac === 'string' && typeof c.at === 'string')
        out.push(c);
    } catch {
      // a line torn by a crash while appending: the checkpoint it held was never trusted
    }
  }
  return out.sort((a, b) => b.seq - a.seq);
}

const macOk = (key: Buffer, tenantId: string, c: { seq: number; hash: string; at: Date; mac: string }) =>
  crypto.timingSafeEqual(
    Buffer.from(checkpointMac(key, { tenantId, seq: c.seq, hash: c.hash, at: c.at }), 'hex'),
    Buffer.from(c.mac.padEnd(64, '0').slice(0, 64), 'hex'),
  );

export type IncrementalVerifyResult = VerifyResult & {
  /** The checkpoint the walk started from (seq 0: the beginning). */
  fromSeq: number;
  /** Events read and checked in this run. */
  checked: number;
  /** The checkpoint written after a successful run (null when nothing new). */
  checkpoint: number | null;
};

/**
 * Verifies a tenant's chain from its newest checkpoint (or from the beginning with `full`),
 * checks every checkpoint it passes or relies on, and — when the chain holds — signs a new
 * checkpoint at the head (`write: false` to leave the table as it is).
 */
export async function verifyIncremental(
  db: Kysely<KernelDB>,
  tenantId: string,
  key: Buffer,
  opts: { full?: boolean; write?: boolean; sink?: string } = {},
): Promise<IncrementalVerifyResult> {
  const cps = await db.selectFrom('audit_checkpoint').selectAll().where('tenant_id', '=', tenantId).orderBy('seq', 'desc').execute();
  const head = await db.selectFrom('audit_event').select(['seq', 'hash']).where('tenant_id', '=', tenantId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const headSeq = Number(head?.seq ?? 0);
  const fail = (brokenAt: number, reason: string, fromSeq = 0): IncrementalVerifyResult => ({
    ok: false,
    tenantId,
    events: Math.max(0, brokenAt - 1),
    brokenAt,
    reason,
    fromSeq,
    checked: 0,
    checkpoint: null,
  });
  // Every checkpoint must carry a valid signature and still match the event it pinned.
  for (const c of cps) {
    const at = c.at instanceof Date ? c.at : new Date(c.at);
    const mac = checkpointMac(key, { tenantId, seq: Number(c.seq), hash: c.hash, at });
    if (!crypto.timingSafeEqual(Buffer.from(mac, 'hex'), Buffer.from(c.mac.padEnd(64, '0').slice(0, 64), 'hex'))) {
      return fail(Number(c.seq), `第 ${c.seq} 号事件的检查点签名无效（检查点被伪造或改动）`);
    }
    if (Number(c.seq) > headSeq) return fail(headSeq + 1, `审计链末尾的事件被删除：检查点记录了第 ${c.seq} 号事件，现只剩 ${headSeq} 条`);
  }
  // The sink outside the database: each of its checkpoints must be genuine, still in the
  // database's checkpoint table, and still match the chain.
  if (opts.sink) {
    const inDb = new Map(cps.map((c) => [Number(c.seq), c.hash]));
    for (const c of readSink(opts.sink, tenantId)) {
      if (!macOk(key, tenantId, { ...c, at: new Date(c.at) })) return fail(c.seq, `外部检查点文件中第 ${c.seq} 号事件的检查点签名无效（检查点文件被改动）`);
      if (c.seq > headSeq) return fail(headSeq + 1, `审计链末尾的事件被删除：外部检查点文件记录了第 ${c.seq} 号事件，数据库中只剩 ${headSeq} 条`);
      if (inDb.get(c.seq) !== c.hash) return fail(c.seq, `数据库中的第 ${c.seq} 号检查点被删除或改动（与外部检查点文件不符）`);
    }
  }
  let from = { seq: 0, hash: '0'.repeat(64) };
  let walkFrom: { seq: number; hash: string } | undefined;
  if (!opts.full && cps.length) {
    const c = cps[0]!;
    const ev = await db.selectFrom('audit_event').select(['hash', 'prev_hash']).where('tenant_id', '=', tenantId).where('seq', '=', c.seq).executeTakeFirst();
    if (!ev || ev.hash !== c.hash) return fail(Number(c.seq), `第 ${c.seq} 号事件与已签名的检查点不符（审计链被改写）`, Number(c.seq));
    from = { seq: Number(c.seq), hash: c.hash };
    // The walk starts at the checkpointed event itself, so a change to its content (its hash left as it was) is seen too.
    walkFrom = { seq: Number(c.seq) - 1, hash: ev.prev_hash };
  }
  const r = await verifyChain(db, tenantId, { from: walkFrom ?? from });
  if (!r.ok) return { ...r, fromSeq: from.seq, checked: Math.max(0, r.brokenAt - from.seq), checkpoint: null };
  if (opts.full) {
    // A full walk also proves every checkpoint's hash against the chain.
    for (const c of cps) {
      const ev = await db.selectFrom('audit_event').select(['hash']).where('tenant_id', '=', tenantId).where('seq', '=', c.seq).executeTakeFirst();
      if (!ev || ev.hash !== c.hash) return fail(Number(c.seq), `第 ${c.seq} 号事件与已签名的检查点不符（审计链被改写）`);
    }
  }
  let checkpoint: number | null = null;
  if (opts.write !== false && r.events > (cps.length ? Number(cps[0]!.seq) : 0)) {
    const at = new Date();
    const mac = checkpointMac(key, { tenantId, seq: r.events, hash: r.lastHash, at });
    await db.insertInto('audit_checkpoint').values({ tenant_id: tenantId, seq: r.events, hash: r.lastHash, at, mac }).execute();
    // The database first, then the sink: the sink's lines are checked against the table, so a
    // crash between the two leaves a checkpoint the sink lacks (harmless), never the reverse.
    if (opts.sink) appendSink(opts.sink, { tenantId, seq: r.events, hash: r.lastHash, at: at.toISOString(), mac });
    checkpoint = r.events;
  }
  return { ...r, fromSeq: from.seq, checked: r.events - from.seq, checkpoint };
}

/**
 * Signs checkpoints periodically (the server): every tenant's chain is verified from its newest
 * checkpoint and a new one signed and copied to the sink, so a deleted tail is bounded by the
 * interval even when nobody runs `fazhi audit verify`. A broken chain is reported, never
 * papered over (no checkpoint is signed past it). Returns a stop function.
 */
export function scheduleCheckpoints(
  db: Kysely<KernelDB>,
  key: Buffer,
  sink: string,
  opts: { minutes: number; log: { info(m: string): void; error(m: string): void } },
): () => void {
  if (!(opts.minutes > 0)) return () => {};
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const tenants = await db.selectFrom('tenant').select(['id', 'name']).execute();
      for (const t of tenants) {
        const r = await verifyIncremental(db, t.id, key, { sink });
        if (!r.ok) opts.log.error(`审计链校验失败（${t.name}）：第 ${r.brokenAt} 号事件 —— ${r.reason}`);
        else if (r.checkpoint) opts.log.info(`审计链检查点（${t.name}）：已签署第 ${r.checkpoint} 号事件`);
      }
    } catch (e) {
      opts.log.error(`审计链检查点未能签署：${(e as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(run, opts.minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
