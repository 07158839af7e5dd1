import type { OnlineReceiptRow } from '../demands/index.js';

export type PetitionsTables = {
  /** 网上信访的回执 (receipt number, secret's hash, the petitioner's details encrypted). */
  petitions_online: OnlineReceiptRow;
};
