/**
 * A broken chain's verdict, in one wording whichever walk finds it (the single walk in audit.ts, the
 * ranges joined in chainWalk.ts): the walk reached `seq - 1`, and event `seq` is missing, does not link
 * to the previous event's hash, or no longer matches its own hash.
 */
import type { VerifyResult } from './audit.js';

const broken = (tenantId: string, seq: number, reason: string): VerifyResult => ({ ok: false, tenantId, events: seq - 1, brokenAt: seq, reason });

export const chainBreak = {
  /** `seq` missing (`found`: the seq read in its place, when one was). */
  missing: (tenantId: string, seq: number, found?: number) =>
    broken(tenantId, seq, `缺少第 ${seq} 号事件${found === undefined ? '' : `（序号跳至 ${found}）`}`),
  link: (tenantId: string, seq: number) => broken(tenantId, seq, `第 ${seq} 号事件的前序哈希与上一事件不符`),
  content: (tenantId: string, seq: number) => broken(tenantId, seq, `第 ${seq} 号事件的内容与其哈希不符（记录被改动）`),
};
