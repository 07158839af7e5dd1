/** All SQL of the petitions module's own tables: the receipts of petitions submitted online. */
import type { Kysely } from 'kysely';
import type { KernelDB } from '../../core/db/types.js';
import type { OnlineStore } from '../demands/index.js';
import type { PetitionsTables } from './schema.js';

const t = (db: Kysely<KernelDB>) => db.withTables<PetitionsTables>();

/** 网上信访的回执 — the online store of the petition kind (receipt number → petition). */
export const petitionsOnlineStore: OnlineStore = {
  async insert(db, r) {
    await t(db)
      .insertInto('petitions_online')
      .values({ tenant_id: r.tenantId, receipt_no: r.receiptNo, secret_hash: r.secretHash, item_id: r.itemId, applicant: r.applicant })
      .execute();
  },
  byReceipt: (db, q) =>
    t(db)
      .selectFrom('petitions_online')
      .select(['item_id', 'secret_hash', 'receipt_no'])
      .where('tenant_id', '=', q.tenantId)
      .where('receipt_no', '=', q.receiptNo)
      .executeTakeFirst(),
  byItem: (db, q) =>
    t(db)
      .selectFrom('petitions_online')
      .select(['receipt_no', 'applicant'])
      .where('tenant_id', '=', q.tenantId)
      .where('item_id', '=', q.itemId)
      .executeTakeFirst(),
};
