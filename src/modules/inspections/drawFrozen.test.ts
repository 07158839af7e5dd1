import { describe, expect, it } from 'vitest';
import { runDraw, verifyDraw, type DrawInput } from './draw.js';

// Picks computed by the module's own partial Fisher–Yates before it moved to the kernel's
// seeded draw (core/draw.ts): a recorded draw must re-run to exactly these.
const entities = Array.from({ length: 40 }, (_, i) => ({ id: `e${i}`, code: `PSH-${String(i).padStart(3, '0')}` }));
const inspectors = Array.from({ length: 6 }, (_, i) => ({ id: `i${i}`, code: `ZF-${i}` }));
const input = (seed: string): DrawInput => ({ seed, ratioBp: 1000, perEntity: 2, entities, inspectors, conflicts: [{ inspectorId: 'i0', entityId: 'e1' }] });

describe('recorded 双随机 draws stay reproducible on the kernel draw (mulberry32-fisher-yates/v1)', () => {
  it.each([
    [
      '20220315',
      [
        { entityId: 'e26', inspectorIds: ['i4', 'i1'] },
        { entityId: 'e20', inspectorIds: ['i2', 'i1'] },
        { entityId: 'e27', inspectorIds: ['i4', 'i5'] },
        { entityId: 'e38', inspectorIds: ['i3', 'i5'] },
      ],
    ],
    [
      '20230504',
      [
        { entityId: 'e15', inspectorIds: ['i4', 'i3'] },
        { entityId: 'e34', inspectorIds: ['i5', 'i2'] },
        { entityId: 'e27', inspectorIds: ['i1', 'i2'] },
        { entityId: 'e22', inspectorIds: ['i2', 'i1'] },
      ],
    ],
  ])('seed %s draws the frozen picks and verifies', (seed, picks) => {
    const r = runDraw(input(seed));
    expect(r.picks).toEqual(picks);
    expect(verifyDraw({ algorithm: 'mulberry32-fisher-yates/v1', input: input(seed), result: { ...r, picks } })).toMatchObject({ ok: true });
  });
});
