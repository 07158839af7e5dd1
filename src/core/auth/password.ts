import { hash, verify } from '@node-rs/argon2';

/** Password policy: at least 8 characters and 3 of the 4 classes (upper, lower, digit, symbol). */
export function checkPasswordPolicy(pw: string): string | undefined {
  if (pw.length < 8) return '密码至少8位';
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
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
