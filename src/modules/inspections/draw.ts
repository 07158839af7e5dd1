/**
 * 双随机 — the random draw as a pure function. Reproducible: the same seed and the same
 * input snapshot give the same picks, so anyone can re-run a recorded draw and check it.
 *
 * Algorithm `mulberry32-fisher-yates/v1` — the kernel's one seeded draw (`core/draw.ts`):
 * 1. the seed (any text, e.g. a number announced before the draw) is hashed with
 *    32-bit FNV-1a; the hash seeds the mulberry32 generator (`drawRandom`);
 * 2. entities and inspectors are sorted by their register code (so storage order never matters);
 * 3. sample size = ⌈N × ratio⌉ (at least 1 when N > 0); a partial Fisher–Yates shuffle
 *    over the sorted entities picks them in order (`seededDraw`);
 * 4. for each picked entity, in pick order, the inspectors with a conflict of interest
 *    with it are removed and a partial Fisher–Yates shuffle picks `perEntity` (≥ 2) of the rest.
 */
import { type DrawAlgorithm, drawRandom, seededDraw } from '../../core/draw.js';
import { errors } from '../../core/errors.js';

/** The kernel's draw algorithm every 双随机 draw records (and verification re-runs). */
export const DRAW_ALGORITHM: DrawAlgorithm = 'mulberry32-fisher-yates/v1';

/** 32-bit FNV-1a of a text seed — the kernel's (re-exported: recorded draws name it). */
export { seedHash } from '../../core/draw.js';
/** At least two inspectors per inspected entity (双随机 rule; 行政处罚法 art. 42 by analogy). */
export const MIN_INSPECTORS = 2;
export const DRAW_SOURCE =
  '国办发〔2015〕58号《关于推广随机抽查规范事中事后监管的通知》：随机抽取检查对象，随机选派执法检查人员；国办发〔2019〕5号：抽查结果20个工作日内公示';

export interface DrawInput {
  seed: string;
  /** Sampling ratio in basis points (500 = 5 %). */
  ratioBp: number;
  perEntity: number;
  entities: ReadonlyArray<{ id: string; code: string }>;
  inspectors: ReadonlyArray<{ id: string; code: string }>;
  conflicts: ReadonlyArray<{ inspectorId: string; entityId: string }>;
}

export interface DrawPick {
  entityId: string;
  inspectorIds: string[];
}

export interface DrawResult {
  algorithm: string;
  seed: string;
  population: number;
  sampleSize: number;
  picks: DrawPick[];
}

const byCode = <T extends { code: string; id: string }>(xs: ReadonlyArray<T>) =>
  [...xs].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.id < b.id ? -1 : 1));

/** Sample size ⌈N × ratio⌉, at least 1 of a non-empty register. */
export const sampleSize = (n: number, ratioBp: number) => (n === 0 ? 0 : Math.max(1, Math.ceil((n * ratioBp) / 10000)));

export function runDraw(input: DrawInput): DrawResult {
  if (!input.seed?.trim()) throw errors.validation('seed', '随机种子不能为空');
  if (!Number.isInteger(input.ratioBp) || input.ratioBp < 1 || input.ratioBp > 10000) throw errors.validation('ratioBp', '抽查比例应在0.01%至100%之间');
  if (!Number.isInteger(input.perEntity) || input.perEntity < MIN_INSPECTORS)
    throw errors.validation('perEntity', `每个检查对象至少随机选派${MIN_INSPECTORS}名执法检查人员`);
  const rnd = drawRandom(input.seed);
  const entities = byCode(input.entities);
  const inspectors = byCode(input.inspectors);
  const blocked = new Set(input.conflicts.map((c) => `${c.inspectorId}|${c.entityId}`));
  const k = sampleSize(entities.length, input.ratioBp);
  const picked = seededDraw(entities, k, rnd, DRAW_ALGORITHM);
  const picks = picked.map((e) => {
    const eligible = inspectors.filter((i) => !blocked.has(`${i.id}|${e.id}`));
    if (eligible.length < input.perEntity)
      throw errors.gate(
        'INSUFFICIENT_INSPECTORS',
        `检查对象“${e.code}”回避后可选执法检查人员只有${eligible.length}名，不足${input.perEntity}名，请补充执法检查人员名录`,
      );
    return { entityId: e.id, inspectorIds: seededDraw(eligible, input.perEntity, rnd, DRAW_ALGORITHM).map((i) => i.id) };
  });
  return { algorithm: DRAW_ALGORITHM, seed: input.seed, population: entities.length, sampleSize: k, picks };
}

/** Re-runs a recorded draw from its seed and input snapshot and compares the picks. */
export function verifyDraw(recorded: { algorithm: string; input: DrawInput; result: DrawResult }): { ok: boolean; message: string } {
  if (recorded.algorithm !== DRAW_ALGORITHM) return { ok: false, message: `本系统不支持算法“${recorded.algorithm}”，无法复核` };
  const again = runDraw(recorded.input);
  const same = JSON.stringify(again.picks) === JSON.stringify(recorded.result.picks);
  return same
    ? { ok: true, message: `复核一致：以种子“${recorded.input.seed}”按${DRAW_ALGORITHM}重新抽取，${again.picks.length}个检查对象及其执法检查人员与记录相同` }
    : { ok: false, message: '复核不一致：重新抽取的结果与记录不同，抽取记录可能被改动' };
}
