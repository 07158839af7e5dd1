/**
 * Check-digit validators for the two national identifiers that appear in ledgers,
 * their check-character generators (the demo data generator uses them to make
 * valid synthetic numbers), and masking for display.
 *
 * - 居民身份证号 — GB 11643-1999 (公民身份号码): 17 digits + ISO 7064 MOD 11-2 check.
 * - 统一社会信用代码 — GB 32100-2015 (法人和其他组织统一社会信用代码编码规则): 17 chars + MOD 31 check.
 */

/** Weights of the first 17 digits of a 居民身份证号 (GB 11643-1999 §8.2). */
const ID_CARD_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check characters indexed by Σ(digit × weight) mod 11. */
const ID_CARD_CHECK = '10X98765432';

/** The 31-character alphabet of 统一社会信用代码 (GB 32100-2015; no I, O, S, V, Z). */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights of the first 17 characters of a 统一社会信用代码 (3^i mod 31). */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/**
 * The check character (0–9 or X) of a 居民身份证号, from its first 17 digits.
 * @throws Error if `first17` is not exactly 17 ASCII digits (a programming error).
 */
export function idCardCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`idCardCheckChar: expected 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_CARD_WEIGHTS[i]!;
  return ID_CARD_CHECK[sum % 11]!;
}

/**
 * The check character of a 统一社会信用代码, from its first 17 characters
 * (check = 31 − (Σ mod 31), where 31 becomes 0).
 * @throws Error if `first17` is not 17 characters of {@link USCC_ALPHABET} (a programming error).
 */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error(`usccCheckChar: expected 17 characters, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]!);
    if (v < 0) throw new Error(`usccCheckChar: "${first17[i]}" is not in the USCC alphabet`);
    sum += v * USCC_WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET[check]!;
}

/** True when y-m-d is a real Gregorian calendar date. */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

/** Number of days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/**
 * Why `s` is not a valid 居民身份证号 (Chinese, for the user), or undefined when it is.
 * Checks: 18 characters, 17 digits + digit/X, a real birth date (year ≥ 1800) and the check character.
 * A lower-case x is accepted (callers normally upper-case first).
 */
export function idCardProblem(s: string): string | undefined {
  const v = s.toUpperCase();
  if (v.length !== 18) return `居民身份证号应为18位，实际为${v.length}位`;
  if (!/^\d{17}[\dX]$/.test(v)) return '居民身份证号应为17位数字加1位数字或X';
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  if (y < 1800 || !isRealDate(y, m, d)) return `居民身份证号中的出生日期不存在（${v.slice(6, 14)}）`;
  if (idCardCheckChar(v.slice(0, 17)) !== v[17]) return '居民身份证号校验位不符，请逐位核对号码';
  return undefined;
}

/** True when `s` is a valid 18-character 居民身份证号 per GB 11643-1999 (check character and birth date). */
export function isValidIdCard(s: string): boolean {
  return idCardProblem(s) === undefined;
}

/**
 * Why `s` is not a valid 统一社会信用代码 (Chinese, for the user), or undefined when it is.
 * Checks: 18 characters from {@link USCC_ALPHABET} and the check character. Lower case is accepted.
 */
export function usccProblem(s: string): string | undefined {
  const v = s.toUpperCase();
  if (v.length !== 18) return `统一社会信用代码应为18位，实际为${v.length}位`;
  for (const ch of v) {
    if (!USCC_ALPHABET.includes(ch)) return `统一社会信用代码含有不允许的字符“${ch}”（不使用 I、O、S、V、Z）`;
  }
  if (usccCheckChar(v.slice(0, 17)) !== v[17]) return '统一社会信用代码校验位不符，请逐位核对代码';
  return undefined;
}

/** True when `s` is a valid 统一社会信用代码 per GB 32100-2015. */
export function isValidUscc(s: string): boolean {
  return usccProblem(s) === undefined;
}

/** True when `s` has the shape of a 居民身份证号 (17 digits then a digit or X), whether or not it checks out. */
export function looksLikeIdCard(s: string): boolean {
  return /^\d{17}[\dXx]$/.test(s);
}

function maskMiddle(s: string, keepStart: number, keepEnd: number): string {
  if (s.length <= keepStart + keepEnd) {
    // Too short to keep both ends: keep only the last characters that leave something hidden.
    const keep = Math.max(0, Math.min(keepEnd, s.length - 1));
    return '*'.repeat(s.length - keep) + s.slice(s.length - keep);
  }
  return s.slice(0, keepStart) + '*'.repeat(s.length - keepStart - keepEnd) + s.slice(s.length - keepEnd);
}

/**
 * Masks a 居民身份证号 for display, keeping the first 6 (region) and last 4 characters:
 * `440106199001011234` → `440106********1234`.
 */
export function maskIdCard(s: string): string {
  return maskMiddle(s.trim(), 6, 4);
}

/**
 * Masks an identifier of a party for display. A 居民身份证号 is always masked
 * ({@link maskIdCard}); a 统一社会信用代码 identifies a legal person and is public, so it is
 * shown whole — unless `naturalPerson` is set (e.g. an 个体工商户 shown as 自然人), in which case
 * its middle is masked the same way.
 */
export function maskIdNo(s: string, opts: { naturalPerson?: boolean } = {}): string {
  const v = s.trim();
  if (looksLikeIdCard(v) || opts.naturalPerson) return maskMiddle(v, 6, 4);
  return v;
}

/**
 * Masks a phone number for display, keeping the first 3 and last 4 characters:
 * `13812341234` → `138****1234`, `020-12345678` → `020*****5678`.
 */
export function maskPhone(s: string): string {
  return maskMiddle(s.trim(), 3, 4);
}
