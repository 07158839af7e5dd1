/**
 * 案卷评查抽样 — a reproducible random draw on the kernel's one seeded draw: the
 * population sorted by case number, drawn by the algorithm 评查 has always used
 * (`mulberry32-fisher-yates-full/v1`: a full Fisher–Yates from the back driven by
 * mulberry32(seed), the first n taken), so every recorded draw re-runs to the same cases.
 * Anyone with the seed and the list can redo the draw (the algorithm's name is stored with it).
 */
import { drawRandom, seededDraw, type DrawAlgorithm } from '../../core/draw.js';

export const SAMPLING_ALGORITHM = 'mulberry32 + Fisher–Yates，按案件编号排序后抽取前n件';
/** The kernel draw behind {@link SAMPLING_ALGORITHM}. */
export const SAMPLING_DRAW: DrawAlgorithm = 'mulberry32-fisher-yates-full/v1';

export function drawSample<T extends { caseNo: string }>(population: readonly T[], n: number, seed: number): T[] {
  const sorted = [...population].sort((a, b) => a.caseNo.localeCompare(b.caseNo));
  return seededDraw(sorted, n, drawRandom(seed), SAMPLING_DRAW);
}

/** 评查标准 — the default checklist with points (configurable per review; unverified). */
export const DEFAULT_CHECKLIST = [
  { key: 'subject', label: '执法主体与执法人员资格', points: 10 },
  { key: 'facts', label: '事实认定清楚、证据充分', points: 25 },
  { key: 'basis', label: '法律适用与自由裁量', points: 20 },
  { key: 'procedure', label: '程序合法（告知、听证、法制审核、集体讨论）', points: 25 },
  { key: 'documents', label: '文书规范、送达与执行', points: 10 },
  { key: 'archive', label: '案卷装订归档', points: 10 },
] as const;
