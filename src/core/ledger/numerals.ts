/**
 * Plain Chinese numerals (`三万`, `一万五千`, `壹万`, `两千零五十`) → integers, strictly:
 * anything a person could read two ways is refused rather than guessed.
 *
 * Refused on purpose:
 * - a bare digit after 百/千/万/亿 without 零 (`一万五`, `一千五`): colloquial shorthand whose
 *   reading depends on context (15000? 10005?);
 * - two digits in a row (`两三万`, `三四千`): a range, not an amount;
 * - approximations and words (`几`, `余`, `多`, `约`, `左右`), decimals (`一点五万`),
 *   units out of order (`五百千`), a unit without a number (`万`).
 *
 * Pure, no dependencies.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  '0': 0,
  一: 1,
  壹: 1,
  '1': 1,
  二: 2,
  贰: 2,
  貳: 2,
  两: 2,
  兩: 2,
  '2': 2,
  三: 3,
  叁: 3,
  參: 3,
  '3': 3,
  四: 4,
  肆: 4,
  '4': 4,
  五: 5,
  伍: 5,
  '5': 5,
  六: 6,
  陆: 6,
  陸: 6,
  '6': 6,
  七: 7,
  柒: 7,
  '7': 7,
  八: 8,
  捌: 8,
  '8': 8,
  九: 9,
  玖: 9,
  '9': 9,
};

const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: ReadonlyArray<{ chars: readonly string[]; value: number }> = [
  { chars: ['亿', '億'], value: 1e8 },
  { chars: ['万', '萬'], value: 1e4 },
];
const ZEROS = new Set(['零', '〇']);

/** A group below 10 000 (`五千零五十`), with what its reading needs to know about its shape. */
interface Group {
  value: number;
  /** Highest small unit used (1000, 100, 10), or 1 when the group is a single digit. */
  highest: number;
  /** True when the group started with 零 (`零五` after 万). */
  leadingZero: boolean;
}

/**
 * Reads a group below 10 000: digits each followed by a decreasing unit (十 百 千), zeros
 * marking skipped places, and a final units digit. A final digit right after 百 or 千 without
 * 零 (`一千五`) is refused as ambiguous shorthand.
 * @param allowBareTen whether a leading 十 without digit is allowed (`十五` = 15; only at the very start).
 */
function parseGroup(s: string, allowBareTen: boolean): Group | undefined {
  const chars = [...s];
  if (chars.length === 0) return undefined;
  let i = 0;
  let value = 0;
  let last = 10000; // the last unit used; 10000 = none yet
  let highest = 0;
  let zeroPending = false;
  let leadingZero = false;
  let sawDigit = false;
  while (i < chars.length) {
    const ch = chars[i]!;
    const next = chars[i + 1];
    if (ZEROS.has(ch) && (next === undefined || !(next in SMALL_UNITS))) {
      if (i === 0) leadingZero = true;
      zeroPending = true;
      i += 1;
      continue;
    }
    if (ch in SMALL_UNITS && i === 0 && allowBareTen && SMALL_UNITS[ch] === 10) {
      value += 10;
      last = 10;
      highest = 10;
      i += 1;
      continue;
    }
    const d = DIGITS[ch];
    if (d === undefined) return undefined;
    if (next !== undefined && next in SMALL_UNITS) {
      const u = SMALL_UNITS[next]!;
      if (u >= last) return undefined; // units must decrease: 五百千
      if (d === 0) return undefined; // 零十
      value += d * u;
      highest = Math.max(highest, u);
      last = u;
      zeroPending = false;
      sawDigit = true;
      i += 2;
      continue;
    }
    // A digit without a unit: only as the very last character (the units place).
    if (next !== undefined) return undefined; // two digits in a row: 两三, 三四
    if (last !== 10000 && last !== 10 && !zeroPending) return undefined; // 一千五, 一百五: shorthand
    value += d;
    highest = Math.max(highest, 1);
    sawDigit = true;
    last = 1;
    i += 1;
  }
  if (!sawDigit && value === 0) return zeroPending && chars.every((c) => ZEROS.has(c)) ? { value: 0, highest: 1, leadingZero } : undefined;
  return { value, highest, leadingZero };
}

/**
 * Parses a plain Chinese integer numeral, in everyday (`一万五千`) or financial (`壹万伍仟`) digits,
 * up to 亿 (`三亿二千万`); single ASCII digits may stand for numeral digits (`1万5千`).
 *
 * @returns the integer, or `undefined` when the text is not such a numeral or is ambiguous
 *   (`一万五`, `两三万`, `十几万`, `约三万`).
 * @example parseChineseInteger('一万五千') // 15000
 * @example parseChineseInteger('壹万') // 10000
 * @example parseChineseInteger('一万零五') // 10005
 * @example parseChineseInteger('一万五') // undefined (shorthand: refused)
 */
export function parseChineseInteger(text: string): number | undefined {
  let rest = text.replace(/\s+/g, '');
  if (rest === '') return undefined;
  let total = 0;
  let first = true;
  let lastBig = 0;
  for (const big of BIG_UNITS) {
    const idx = Math.max(...big.chars.map((c) => rest.indexOf(c)));
    if (idx < 0) continue;
    if (big.chars.some((c) => rest.indexOf(c) !== rest.lastIndexOf(c))) return undefined; // 万 twice
    const head = rest.slice(0, idx);
    const g = head === '' ? undefined : parseGroup(head, first);
    if (!g || g.value === 0) return undefined;
    total += g.value * big.value;
    rest = rest.slice(idx + 1);
    first = false;
    lastBig = big.value;
  }
  if (rest === '') return first ? undefined : total;
  const g = parseGroup(rest, first);
  if (!g) return undefined;
  if (lastBig !== 0 && !g.leadingZero && g.highest === 1) return undefined; // 一万五: shorthand
  return total + g.value;
}

/**
 * Parses a money amount written in Chinese numerals, in yuan: `三万元`, `一万五千元`, `壹万元整`,
 * `伍拾元伍角`, `壹佰元零伍分`. `元`/`圆` may be omitted when there is no 角/分; `整`/`正` may close it.
 * @returns the amount in integer fen, or `undefined` when not such an amount (or ambiguous).
 */
export function parseChineseMoney(text: string): number | undefined {
  const s = text.replace(/\s+/g, '').replace(/^人民币/, '');
  const m = /^(.*?)(?:([元圆])(?:(.)角)?(?:零?(.)分)?)?([整正])?$/.exec(s);
  if (!m) return undefined;
  const [, numberPart, yuanMark, jiaoChar, fenChar, wholeMark] = m;
  if (!yuanMark && (jiaoChar !== undefined || fenChar !== undefined)) return undefined;
  if (wholeMark && (jiaoChar !== undefined || fenChar !== undefined)) return undefined;
  const yuan = numberPart === '' || numberPart === undefined ? (yuanMark ? 0 : undefined) : parseChineseInteger(numberPart);
  if (yuan === undefined) return undefined;
  if (numberPart === '' && jiaoChar === undefined && fenChar === undefined) return undefined;
  const jiao = jiaoChar === undefined ? 0 : DIGITS[jiaoChar];
  const fen = fenChar === undefined ? 0 : DIGITS[fenChar];
  if (jiao === undefined || fen === undefined) return undefined;
  return yuan * 100 + jiao * 10 + fen;
}
