import { hash, verify } from '@node-rs/argon2';

/** Words that make a password guessable whatever surrounds them (lower case, letters only). */
const COMMON_WORDS = ['password', 'passwd', 'qwerty', 'admin', 'welcome', 'letmein', 'iloveyou', 'changeme', 'fazhi', 'shuiwu', 'woaini', 'test'];
/** Keyboard and alphabet runs: four characters in a row of one of these (either way) are refused. */
const RUNS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
/** Longest password accepted (a 1 MB password is a denial of service on argon2, not a password). */
export const MAX_PASSWORD_LENGTH = 64;

function hasRun(lower: string): boolean {
  for (let i = 0; i + 4 <= lower.length; i++) {
    const part = lower.slice(i, i + 4);
    const reversed = [...part].reverse().join('');
    if (RUNS.some((r) => r.includes(part) || r.includes(reversed))) return true;
  }
  return false;
}

/**
 * Password policy (GB/T 22239-2019 8.1.4.1 a — 身份鉴别: complexity, no easily guessed passwords):
 * 8–64 characters, 3 of the 4 classes (upper, lower, digit, symbol), not the username, no common
 * word (password, admin, the product's name…), no run of four (abcd, 1234, qwer).
 */
export function checkPasswordPolicy(pw: string, opts: { username?: string } = {}): string | undefined {
  if (pw.length < 8) return '密码至少8位';
  if (pw.length > MAX_PASSWORD_LENGTH) return `密码不超过${MAX_PASSWORD_LENGTH}位`;
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  const lower = pw.toLowerCase();
  if (opts.username && opts.username.length >= 3 && lower.includes(opts.username.toLowerCase())) return '密码不能包含用户名';
  const letters = lower.replace(/[^a-z]/g, '');
  const word = COMMON_WORDS.find((w) => letters.includes(w) || lower.includes(w));
  if (word) return `密码过于常见（含常用词“${word}”），请另设`;
  if (hasRun(lower)) return '密码不能包含连续的字母或数字（如 abcd、1234、qwer）';
  return undefined;
}

/** argon2id (the library's default algorithm) at OWASP's recommended cost: 19 MiB, t=2, p=1. */
export function hashPassword(pw: string): Promise<string> {
  return hash(pw, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export function verifyPassword(stored: string, pw: string): Promise<boolean> {
  return verify(stored, pw).catch(() => false);
}

/** Lockout: 5 failures lock the account for 15 minutes. Idle sessions end after 30 minutes. */
export const AUTH_POLICY = {
  maxFailures: 5,
  lockMinutes: 15,
  idleMinutes: 30,
} as const;
