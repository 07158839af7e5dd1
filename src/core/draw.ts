/**
 * 随机抽取 — the one seeded draw. Reproducible: the same seed, the same population (in the
 * caller's stable order, e.g. sorted by register code) and the same algorithm give the same
 * picks, so anyone can re-run a recorded draw and check it. Every draw records its
 * algorithm's name; algorithms are never changed, only added, so old draws stay reproducible.
 */

/** mulberry32: a small, fast, seedable generator (demo data and draws). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 32-bit FNV-1a over the UTF-8 bytes of a text seed (a number announced before the draw, say). */
export function seedHash(seed: string): number {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(seed)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h >>> 0;
}

/** Partial Fisher–Yates from the front: position i swaps with a random j in [i, n); the first k are the picks. */
function forward<T>(xs: readonly T[], k: number, rnd: () => number): T[] {
  const a = [...xs];
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rnd() * (a.length - i));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a.slice(0, k);
}

/** Full Fisher–Yates from the back (Durstenfeld), then the first k. */
function backward<T>(xs: readonly T[], k: number, rnd: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a.slice(0, k);
}

/** The draw algorithms by the name a draw records. */
export const DRAW_ALGORITHMS = {
  /** The default: mulberry32 seeded by the number (or FNV-1a of the text seed), partial Fisher–Yates. */
  'mulberry32-fisher-yates/v1': forward,
  /** 案卷评查 samples drawn before the kernel's draw: a full Fisher–Yates from the back, then the first k. */
  'mulberry32-fisher-yates-full/v1': backward,
} as const;

export type DrawAlgorithm = keyof typeof DRAW_ALGORITHMS;
export const DEFAULT_DRAW: DrawAlgorithm = 'mulberry32-fisher-yates/v1';

/** A generator for a seed: a number seeds mulberry32 directly, a text seed through FNV-1a. */
export function drawRandom(seed: number | string): () => number {
  return seededRandom(typeof seed === 'number' ? seed : seedHash(seed));
}

/**
 * Draws `k` of `items` (all of them when k ≥ n) in pick order, with a generator from
 * {@link drawRandom} (pass the same generator to draw several times in sequence, as 双随机
 * draws entities and then inspectors per entity).
 */
export function seededDraw<T>(items: readonly T[], k: number, rnd: () => number, algorithm: DrawAlgorithm = DEFAULT_DRAW): T[] {
  const fn = DRAW_ALGORITHMS[algorithm];
  if (!fn) throw new Error(`unknown draw algorithm ${String(algorithm)}`);
  return fn(items, Math.max(0, Math.min(k, items.length)), rnd);
}
