import { describe, expect, it } from 'vitest';
import { DRAW_ALGORITHMS, drawRandom, seededDraw, seedHash, seededRandom } from './draw.js';

const ten = Array.from({ length: 10 }, (_, i) => i);

describe('the one seeded draw', () => {
  it('gives the same picks for the same seed, population and algorithm', () => {
    for (const alg of Object.keys(DRAW_ALGORITHMS) as Array<keyof typeof DRAW_ALGORITHMS>) {
      expect(seededDraw(ten, 4, drawRandom('2022-06-01 公证'), alg)).toEqual(seededDraw(ten, 4, drawRandom('2022-06-01 公证'), alg));
    }
  });
  // Recorded draws stay reproducible: these picks are frozen.
  it.each([
    ['mulberry32-fisher-yates/v1', 42, [6, 5, 8, 7]],
    ['mulberry32-fisher-yates-full/v1', 42, [0, 7, 3, 5]],
  ] as const)('%s with seed %d picks %j', (alg, seed, picks) => {
    expect(seededDraw(ten, 4, drawRandom(seed), alg)).toEqual(picks);
  });
  it('takes each item at most once and never more than the population', () => {
    const picks = seededDraw(ten, 50, drawRandom(7));
    expect(new Set(picks).size).toBe(10);
    expect(seededDraw([], 3, drawRandom(7))).toEqual([]);
    expect(seededDraw(ten, -1, drawRandom(7))).toEqual([]);
  });
  it('hashes text seeds with FNV-1a and seeds mulberry32 with numbers', () => {
    expect(seedHash('')).toBe(0x811c9dc5);
    expect(drawRandom('a')()).toBe(seededRandom(seedHash('a'))());
  });
});
