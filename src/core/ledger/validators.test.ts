import { describe, it, expect } from 'vitest';
import { idCardCheckChar, idCardProblem, isValidIdCard, isValidUscc, maskIdCard, maskIdNo, maskPhone, usccCheckChar, usccProblem } from './validators.js';
import { breakCheckChar, makeIdCard, makeUscc } from './fixtures/specs.js';

describe('居民身份证号 (GB 11643-1999)', () => {
  it('computes the check character of the examples published with the standard', () => {
    expect(idCardCheckChar('11010519491231002')).toBe('X');
    expect(idCardCheckChar('44052418800101001')).toBe('4');
  });

  const valid = [
    { name: 'the standard example ending in X', id: '11010519491231002X' },
    { name: 'the standard example born 1880', id: '440524188001010014' },
    { name: 'a generated Guangzhou number', id: makeIdCard('440106', '19900307', '123') },
    { name: 'born on 29 February of a leap year', id: makeIdCard('440106', '20000229', '045') },
    { name: 'a lower-case x', id: '11010519491231002x' },
  ];
  it.each(valid)('accepts $name', ({ id }) => {
    expect(isValidIdCard(id)).toBe(true);
  });

  const invalid = [
    { name: 'a wrong check digit', id: breakCheckChar(makeIdCard('440106', '19900307', '123')), reason: '校验位不符' },
    { name: 'an impossible birth date (30 February)', id: makeIdCard('440106', '19900230', '123'), reason: '出生日期不存在' },
    { name: 'an impossible birth date (29 February 1900)', id: makeIdCard('440106', '19000229', '123'), reason: '出生日期不存在' },
    { name: 'a birth month 13', id: makeIdCard('440106', '19901301', '123'), reason: '出生日期不存在' },
    { name: '17 characters', id: '4401061990030712', reason: '应为18位' },
    { name: 'an old 15-digit number', id: '440106900307123', reason: '应为18位' },
    { name: 'a letter in the middle', id: '44010619900A07123X', reason: '17位数字' },
  ];
  it.each(invalid)('rejects $name', ({ id, reason }) => {
    expect(isValidIdCard(id)).toBe(false);
    expect(idCardProblem(id)).toContain(reason);
  });

  it('refuses to compute a check character from anything but 17 digits', () => {
    expect(() => idCardCheckChar('1234')).toThrow();
  });
});

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('computes the check character of the example published with the standard', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('maps a check value of 31 to 0', () => {
    // Search a 17-char prefix whose weighted sum is ≡ 0 (mod 31): its check must be '0'.
    let found: string | undefined;
    for (let i = 0; i < 31 && !found; i++) {
      const prefix = `9144010${'0'.repeat(9)}${'0123456789ABCDEFGHJKLMNPQRTUWXY'[i]}`;
      if (usccCheckChar(prefix) === '0') found = prefix;
    }
    expect(found).toBeDefined();
    expect(isValidUscc(`${found}0`)).toBe(true);
  });

  const valid = [
    { name: 'the standard example', code: '91350100M000100Y43' },
    { name: 'a generated enterprise code', code: makeUscc('91440101MA59ABCD1') },
    { name: 'a generated 机关 code', code: makeUscc('11440106007512345') },
    { name: 'lower case', code: '91350100m000100y43' },
  ];
  it.each(valid)('accepts $name', ({ code }) => {
    expect(isValidUscc(code)).toBe(true);
  });

  const invalid = [
    { name: 'a wrong check character', code: breakCheckChar('91350100M000100Y43'), reason: '校验位不符' },
    { name: 'a forbidden letter O', code: '91350100M0O0100Y43', reason: '不允许的字符“O”' },
    { name: 'a forbidden letter I', code: '9135010IM000100Y43', reason: '不允许的字符“I”' },
    { name: '17 characters', code: '91350100M000100Y4', reason: '应为18位' },
  ];
  it.each(invalid)('rejects $name', ({ code, reason }) => {
    expect(isValidUscc(code)).toBe(false);
    expect(usccProblem(code)).toContain(reason);
  });
});

describe('masking for display', () => {
  it.each([
    { fn: maskIdCard, input: '11010519491231002X', out: '110105********002X' },
    { fn: maskPhone, input: '13812341234', out: '138****1234' },
    { fn: maskPhone, input: '020-12345678', out: '020*****5678' },
    { fn: maskPhone, input: '12345', out: '*2345' },
    { fn: (s: string) => maskIdNo(s), input: '11010519491231002X', out: '110105********002X' },
    { fn: (s: string) => maskIdNo(s), input: '91350100M000100Y43', out: '91350100M000100Y43' },
    { fn: (s: string) => maskIdNo(s, { naturalPerson: true }), input: '91350100M000100Y43', out: '913501********0Y43' },
  ])('masks $input as $out', ({ fn, input, out }) => {
    expect(fn(input)).toBe(out);
  });
});
