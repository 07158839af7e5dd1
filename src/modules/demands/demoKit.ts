/** Deterministic helpers for the demand modules' demo data (synthetic names and places only). */
const SURNAMES = '陈李黄张梁林刘吴罗何郑谢冯邓曾彭萧蔡潘许';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '华',
  '平',
  '志强',
  '建华',
  '嘉欣',
  '子轩',
  '浩然',
  '雅婷',
  '俊杰',
  '晓东',
];
const ROADS = [
  '天河路',
  '体育西路',
  '天河北路',
  '黄埔大道西',
  '中山大道西',
  '五山路',
  '石牌东路',
  '龙口西路',
  '员村二横路',
  '车陂路',
  '棠下大街',
  '元岗路',
  '沙太路',
  '华观路',
  '珠吉路',
  '长兴路',
  '燕岭路',
  '科韵路',
  '猎德大道',
  '花城大道',
];

/** A small random toolkit over the demo's seeded generator. */
export function demoKit(random: () => number) {
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  /** Picks by weight: [[value, weight], …]. */
  const weighted = <T>(xs: ReadonlyArray<readonly [T, number]>): T => {
    const total = xs.reduce((s, [, w]) => s + w, 0);
    let r = random() * total;
    for (const [v, w] of xs) {
      r -= w;
      if (r < 0) return v;
    }
    return xs[xs.length - 1]![0];
  };
  const shuffle = <T>(xs: T[]): T[] => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  };
  return {
    int,
    pick,
    weighted,
    shuffle,
    name: () => pick([...SURNAMES]) + pick(GIVEN),
    phone: () => `1${pick(['35', '36', '37', '38', '39', '50', '58', '86', '88'])}${String(int(0, 99_999_999)).padStart(8, '0')}`,
    place: () => `${pick(ROADS)}${int(1, 600)}号`,
    road: () => pick(ROADS),
    /** An instant on a Beijing date at a random working hour. */
    at: (date: string, fromHour = 8, toHour = 18) =>
      new Date(`${date}T${String(int(fromHour, toHour - 1)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:00+08:00`),
  };
}

/** A list holding each value as many times as asked, shuffled: exact counts in random order. */
export function exactMix<T>(random: () => number, counts: ReadonlyArray<readonly [T, number]>): T[] {
  const xs = counts.flatMap(([v, n]) => Array.from({ length: n }, () => v));
  return demoKit(random).shuffle(xs);
}
