/**
 * 被申请（被诉）行为所涉记录 — the records a case can name as the challenged act, found by number in
 * the caller's scope through the owning modules' index.ts: a penalty case (enforcement), a permit
 * (licensing), a disclosure reply or a petition reply (demand kinds), an inspection record (inspections). Each kind of act names the one entity its records are;
 * a case links only a record of that entity, in the caller's scope.
 */
import type { Ctx } from '../../core/context.js';
import { listItems } from '../demands/index.js';
import { disclosureKind } from '../disclosure/index.js';
import { listEnforcementCases } from '../enforcement/index.js';
import { listInspectionRecords } from '../inspections/index.js';
import { listLicensingPermits } from '../licensing/index.js';
import { petitionKind } from '../petitions/index.js';
import type { ActKind } from './schema.js';

/** A record a case may link, as the picker lists it. */
export interface ActRecord {
  entity: string;
  id: string;
  /** Its number (案件编号 / 编号). */
  number: string;
  /** What it is: the party and matter, or the request's title. */
  title: string;
  /** Its date (立案 / 受理). */
  date: string | null;
}

/** How the records of a kind of act are found. */
export interface ActLookup {
  entity: string;
  /** The permission a caller needs to see them (the entity's read permission). */
  permission: string;
  /** At most `limit` records matching `q` (number, party, matter), in the caller's scope (the owning list's order). */
  search(ctx: Ctx, q: string, limit: number): Promise<ActRecord[]>;
}

const day = (v: unknown): string | null => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v.slice(0, 10) : null);

/** A demand kind's records (its number, title and day of receipt), in the caller's scope. */
const demandLookup = (kind: typeof disclosureKind, permission: string): ActLookup => ({
  entity: kind.entity,
  permission,
  async search(ctx, q, limit) {
    const { rows } = await listItems(ctx, { kinds: [kind], q: q || undefined, limit, offset: 0 });
    return rows.map((r) => ({ entity: kind.entity, id: r.id, number: r.ref_no, title: r.title, date: day(r.received_at) }));
  },
});

/** The kinds of act whose records can be linked (the others are described in words only). */
export const ACT_LOOKUPS: Partial<Record<ActKind, ActLookup>> = {
  行政处罚: {
    entity: 'enforcement.case',
    permission: 'enforcement.case.read',
    async search(ctx, q, limit) {
      const rows = await listEnforcementCases(ctx.db, ctx.actor, { q: q || undefined }, limit);
      return rows.map((r) => ({
        entity: 'enforcement.case',
        id: r.id,
        number: r.case_no,
        title: `${r.party_name}　${r.cause}${r.decision_no ? `（${r.decision_no}）` : ''}`,
        date: day(r.filed_on),
      }));
    },
  },
  行政许可: {
    entity: 'licensing.permit',
    permission: 'licensing.read',
    async search(ctx, q, limit) {
      const { rows } = await listLicensingPermits(ctx, { q: q || undefined, limit, offset: 0 });
      return rows.map((r) => ({
        entity: 'licensing.permit',
        id: r.id,
        number: r.case_no,
        title: `${r.applicant}　${r.item_name}${r.decision_no ? `（${r.decision_no}）` : ''}`,
        date: day(r.received_on),
      }));
    },
  },
  政府信息公开答复: demandLookup(disclosureKind, 'disclosure.read'),
  行政检查: {
    entity: 'inspections.record',
    permission: 'inspections.read',
    async search(ctx, q, limit) {
      const rows = await listInspectionRecords(ctx, { q: q || undefined, limit });
      return rows.map((r) => ({
        entity: 'inspections.record',
        id: r.id,
        number: r.record_no,
        title: `${r.entity_name}　${r.kind}`,
        date: day(r.inspected_on),
      }));
    },
  },
  信访处理意见: demandLookup(petitionKind, 'petitions.read'),
};

/** The kind of act a linked entity belongs to (a case links only a record of its own kind of act). */
export const actKindOfEntity = (entity: string): ActKind | undefined =>
  (Object.entries(ACT_LOOKUPS) as Array<[ActKind, ActLookup]>).find(([, l]) => l.entity === entity)?.[0];
