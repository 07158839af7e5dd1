import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { configurePii, decryptPii, encryptPii, piiIndex } from './pii.js';

beforeAll(() => configurePii(crypto.createHash('sha256').update('test').digest()));

describe('personal identifiers at rest', () => {
  it('round-trips and never stores the plain text', () => {
    const enc = encryptPii('44010619900101123X')!;
    expect(enc).not.toContain('19900101');
    expect(decryptPii(enc)).toBe('44010619900101123X');
  });

  it('encrypts the same value differently each time, but indexes it the same way', () => {
    expect(encryptPii('13800138000')).not.toBe(encryptPii('13800138000'));
    expect(piiIndex('138 0013 8000')).toBe(piiIndex('13800138000'));
    expect(piiIndex('44010619900101123x')).toBe(piiIndex('44010619900101123X'));
  });

  it('refuses a tampered value', () => {
    const enc = encryptPii('13800138000')!;
    const parts = enc.split('.');
    parts[3] = Buffer.from('13900139000').toString('base64url');
    expect(() => decryptPii(parts.join('.'))).toThrow();
  });

  it('keeps empty values empty', () => {
    expect(encryptPii('')).toBeNull();
    expect(decryptPii(null)).toBeNull();
    expect(piiIndex(undefined)).toBeNull();
  });
});
