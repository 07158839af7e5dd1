import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testSystem } from '../helpers/system.js';
import type { System } from '../../src/core/system.js';
import { listTenants } from '../../src/core/tenant.js';
import { systemActor } from '../../src/core/context.js';
import { addDays, createCalendar } from '../../src/core/calendar/index.js';
import { syncWorkDays, WORK_DAY_SPAN, workdaysBetweenSql } from '../../src/core/calendar/workDays.js';

let sys: System;
let tenantId: string;

beforeAll(async () => {
  sys = await testSystem('demo');
  tenantId = (await listTenants(sys.db))[0]!.id;
});
afterAll(async () => {
  await sys.close();
});

const between = async (from: string, to: string) =>
  (await sql<{ n: number | null }>`SELECT ${workdaysBetweenSql(sql`${from}::date`, sql`${to}::date`)} AS n`.execute(sys.db)).rows[0]!.n;

describe('the working-day table', () => {
  it('is filled at start from the calendar the rules use, and filling it again writes nothing', async () => {
    const n = await sys.db
      .selectFrom('work_day')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const span = (Date.parse(WORK_DAY_SPAN.to) - Date.parse(WORK_DAY_SPAN.from)) / 86_400_000 + 1;
    expect(Number(n.n)).toBe(span);
    expect(await syncWorkDays(sys.db, sys.calendar.current)).toBe(false);
  });

  // Boundaries: around 国庆 2022 (holiday 1–7 Oct, make-up Saturdays 8–9 Oct), a weekend, the same day, reversed.
  const cases: Array<[string, string]> = [
    ['2022-09-30', '2022-10-07'],
    ['2022-09-30', '2022-10-08'],
    ['2022-09-30', '2022-10-10'],
    ['2022-10-07', '2022-10-09'],
    ['2022-12-30', '2023-01-03'],
    ['2022-03-04', '2022-03-07'],
    ['2022-05-05', '2022-05-05'],
    ['2022-05-10', '2022-05-05'],
    ['2031-04-28', '2031-05-12'],
  ];
  it.each(cases)('counts the working days after %s up to and including %s as the calendar does', async (from, to) => {
    expect(await between(from, to)).toBe(sys.calendar.current.workdaysBetween(from, to));
  });

  it('agrees with the calendar on 400 days of pairs across years', async () => {
    const cal = sys.calendar.current;
    const starts = Array.from({ length: 40 }, (_, i) => addDays('2021-12-20', i * 19));
    for (const s of starts) {
      for (const d of [0, 1, 3, 7, 15, 40, 60, 200]) {
        expect(await between(s, addDays(s, d)), `${s} +${d}`).toBe(cal.workdaysBetween(s, addDays(s, d)));
      }
    }
  });

  it('is NULL outside its span, never a guess', async () => {
    expect(await between('1980-01-01', '2022-01-10')).toBeNull();
  });

  it("follows an admin's override in the same transaction, and back", async () => {
    const actor = systemActor(tenantId);
    const before = await between('2030-11-11', '2030-11-18');
    await sys.calendar.setOverride(sys.ctx(actor), { date: '2030-11-13', kind: 'holiday', name: '测试休息日' });
    expect(await between('2030-11-11', '2030-11-18')).toBe(before! - 1);
    expect(await between('2030-11-11', '2030-11-18')).toBe(sys.calendar.current.workdaysBetween('2030-11-11', '2030-11-18'));
    await sys.calendar.setOverride(sys.ctx(actor), { date: '2030-11-13', kind: null });
    expect(await between('2030-11-11', '2030-11-18')).toBe(before);
  });

  it('refills when given another calendar, once', async () => {
    const other = createCalendar({ overrides: [{ date: '2030-07-01', kind: 'holiday', name: '测试' }] });
    expect(await syncWorkDays(sys.db, other)).toBe(true);
    expect(await syncWorkDays(sys.db, other)).toBe(false);
    expect(await between('2030-06-28', '2030-07-02')).toBe(other.workdaysBetween('2030-06-28', '2030-07-02'));
    expect(await syncWorkDays(sys.db, sys.calendar.current)).toBe(true);
  });
});
