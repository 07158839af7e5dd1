import { describe, expect, it } from 'vitest';
import { runDraw, sampleSize, seedHash, verifyDraw, type DrawInput } from './draw.js';

const entities = Array.from({ length: 40 }, (_, i) => ({ id: `e${i}`, code: `PSH-${String(i).padStart(3, '0')}` }));
const inspectors = Array.from({ length: 6 }, (_, i) => ({ id: `i${i}`, code: `ZF-${i}` }));
const base: DrawInput = { seed: '20220315', ratioBp: 1000, perEntity: 2, entities, inspectors, conflicts: [{ inspectorId: 'i0', entityId: 'e1' }] };

describe('the random draw', () => {
  it('re-run from its seed reproduces the same picks, whatever the register order', () => {
    const a = runDraw(base);
    const b = runDraw({ ...base, entities: [...entities].reverse(), inspectors: [...inspectors].reverse() });
    expect(b.picks).toEqual(a.picks);
    expect(verifyDraw({ algorithm: a.algorithm, input: base, result: a })).toMatchObject({ ok: true });
  });

  it('a different seed gives a different draw', () => expect(runDraw({ ...base, seed: '20220316' }).picks).not.toEqual(runDraw(base).picks));

  it('detects a tampered record', () => {
    const a = runDraw(base);
    const tampered = { ...a, picks: a.picks.map((p, i) => (i === 0 ? { ...p, inspectorIds: ['i5', 'i4'] } : p)) };
    expect(verifyDraw({ algorithm: a.algorithm, input: base, result: tampered }).ok).toBe(false);
  });

  it('never assigns fewer than two inspectors or an excluded one, over many seeds', () => {
    // Every inspector but two conflicts with entity e7: the draw must use exactly those two for it.
    const conflicts = inspectors
      .slice(2)
      .map((i) => ({ inspectorId: i.id, entityId: 'e7' }))
      .concat([{ inspectorId: 'i0', entityId: 'e3' }]);
    const blocked = new Set(conflicts.map((c) => `${c.inspectorId}|${c.entityId}`));
    let sawE7 = false;
    for (let s = 0; s < 300; s++) {
      const r = runDraw({ ...base, seed: `seed-${s}`, ratioBp: 2500, conflicts });
      for (const p of r.picks) {
        expect(p.inspectorIds.length).toBeGreaterThanOrEqual(2);
        expect(new Set(p.inspectorIds).size).toBe(p.inspectorIds.length);
        for (const i of p.inspectorIds) expect(blocked.has(`${i}|${p.entityId}`)).toBe(false);
        if (p.entityId === 'e7') {
          sawE7 = true;
          expect([...p.inspectorIds].sort()).toEqual(['i0', 'i1']);
        }
      }
      expect(new Set(r.picks.map((p) => p.entityId)).size).toBe(r.picks.length);
    }
    expect(sawE7).toBe(true);
  });

  it('refuses a draw that would leave an entity with fewer than two eligible inspectors', () => {
    const conflicts = inspectors.slice(1).map((i) => ({ inspectorId: i.id, entityId: 'e0' }));
    expect(() => runDraw({ ...base, ratioBp: 10000, conflicts })).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_INSPECTORS' }));
  });

  it.each([
    ['one inspector per entity', { perEntity: 1 }, 'perEntity'],
    ['a zero ratio', { ratioBp: 0 }, 'ratioBp'],
    ['an empty seed', { seed: ' ' }, 'seed'],
  ])('refuses %s', (_n, patch, field) => expect(() => runDraw({ ...base, ...patch })).toThrow(expect.objectContaining({ field })));

  it.each([
    ['10 % of 40', 40, 1000, 4],
    ['5 % of 41 rounds up', 41, 500, 3],
    ['a tiny ratio still inspects one', 10, 1, 1],
    ['an empty register', 0, 1000, 0],
  ])('sample size: %s', (_n, n, bp, k) => expect(sampleSize(n, bp)).toBe(k));

  it('hashes the seed with FNV-1a (known vector)', () => {
    expect(seedHash('')).toBe(0x811c9dc5);
    expect(seedHash('a')).toBe(0xe40c292c);
  });
});
