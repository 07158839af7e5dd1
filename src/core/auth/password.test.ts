import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password.js';

describe('password policy: at least 8 characters, 3 of 4 classes', () => {
  const rows: Array<[string, string, string | undefined]> = [
    ['7 characters, all four classes', 'Ab1!xyz', '密码至少8位'],
    ['8 lower-case letters', 'abcdefgh', '密码须包含大写字母、小写字母、数字、符号中的至少三类'],
    ['lower + digits only', 'abcd1234', '密码须包含大写字母、小写字母、数字、符号中的至少三类'],
    ['upper + lower + digit', 'Abcd1234', undefined],
    ['lower + digit + symbol', 'abcd123!', undefined],
    ['upper + lower + symbol', 'Abcdefg!', undefined],
    ['Chinese characters count as symbols', 'abc1234水', undefined],
  ];
  it.each(rows)('%s', (_name, pw, expected) => {
    expect(checkPasswordPolicy(pw)).toBe(expected);
  });
});

describe('argon2id hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const h = await hashPassword('Fazhi@2022');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'Fazhi@2022')).toBe(true);
    expect(await verifyPassword(h, 'fazhi@2022')).toBe(false);
  });
});
