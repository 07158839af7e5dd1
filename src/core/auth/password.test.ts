import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password.js';

describe('password policy: 8–64 characters, 3 of 4 classes, not the username, no common word, no run of four', () => {
  const rows: Array<[string, string, string | undefined]> = [
    ['7 characters, all four classes', 'Ab1!xyz', '密码至少8位'],
    ['8 characters, three classes', 'Tide7Pmp', undefined],
    ['8 lower-case letters', 'tidepump', '密码须包含大写字母、小写字母、数字、符号中的至少三类'],
    ['lower + digits only', 'tide7pump', '密码须包含大写字母、小写字母、数字、符号中的至少三类'],
    ['upper + lower + digit', 'Tide7Pump', undefined],
    ['lower + digit + symbol', 'tide7pump!', undefined],
    ['upper + lower + symbol', 'Tide-Pump!', undefined],
    ['Chinese characters count as symbols', 'tide7pump水', undefined],
    ['64 characters', `Tide7Pump!${'x'.repeat(54)}`, undefined],
    ['65 characters', `Tide7Pump!${'x'.repeat(55)}`, '密码不超过64位'],
    ['a million characters', `Tide7Pump!${'x'.repeat(1_000_000)}`, '密码不超过64位'],
    ['the classic Password1', 'Password1', '密码过于常见（含常用词“password”），请另设'],
    ['the product and the year', 'Fazhi@2022', '密码过于常见（含常用词“fazhi”），请另设'],
    ['common word in capitals with separators', 'WELCOME-home9', '密码过于常见（含常用词“welcome”），请另设'],
    ['a run of four letters', 'Abcd-9xyt', '密码不能包含连续的字母或数字（如 abcd、1234、qwer）'],
    ['a run of four digits', 'Tide@1234', '密码不能包含连续的字母或数字（如 abcd、1234、qwer）'],
    ['a descending run', 'Tide@9876', '密码不能包含连续的字母或数字（如 abcd、1234、qwer）'],
    ['a keyboard row', 'Qwer-7tide', '密码不能包含连续的字母或数字（如 abcd、1234、qwer）'],
    ['three in a row is fine', 'Tide@123x', undefined],
  ];
  it.each(rows)('%s', (_name, pw, expected) => {
    expect(checkPasswordPolicy(pw)).toBe(expected);
  });
  it('refuses a password that contains the username, in any case', () => {
    expect(checkPasswordPolicy('Chief-Water1!', { username: 'chief' })).toBe('密码不能包含用户名');
    expect(checkPasswordPolicy('CHIEF1!tide', { username: 'chief' })).toBe('密码不能包含用户名');
    expect(checkPasswordPolicy('Tide7Pump!', { username: 'chief' })).toBeUndefined();
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
