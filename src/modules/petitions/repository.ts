/** All SQL of the petitions module's own tables: the receipts of petitions submitted online. */
import { onlineReceiptStore } from '../demands/index.js';
import type { PetitionsTables } from './schema.js';

/** 网上信访的回执 — the online store of the petition kind (receipt number → petition), over its own table. */
export const petitionsOnlineStore = onlineReceiptStore<PetitionsTables>('petitions_online');
