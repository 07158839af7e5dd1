import { describe, expect, it } from 'vitest';
import { drawSample } from './sampling.js';

/** Twelve closed cases, given out of order: the draw sorts them by case number first. */
const POPULATION = Array.from({ length: 12 }, (_, i) => ({ caseNo: `天水执立〔2022〕${12 - i}号` }));
const no = (ns: number[]) => ns.map((n) => `天水执立〔2022〕${n}号`);

/** Picks frozen from the draws recorded before the kernel's seeded draw: [sample size, seed, picks]. */
const FROZEN: Array<[number, number, string[]]> = [
  [3, 20230115, no([11, 8, 10])],
  [5, 1, no([2, 8, 12, 4, 7])],
  [12, 4294967295, no([7, 11, 3, 10, 9, 2, 1, 4, 6, 5, 12, 8])],
];

describe('案卷评查 samples re-run to the recorded picks', () => {
  for (const [n, seed, picks] of FROZEN) {
    it(`${n} of 12 with seed ${seed}`, () => expect(drawSample(POPULATION, n, seed).map((c) => c.caseNo)).toEqual(picks));
  }
  it('takes the whole population when the sample is larger', () => expect(drawSample(POPULATION.slice(0, 2), 5, 7)).toHaveLength(2));
});
