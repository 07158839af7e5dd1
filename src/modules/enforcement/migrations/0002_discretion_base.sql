-- 违法所得 / 货值金额 of a case (fen), given with the proposal: the discretion benchmark's
-- levels set as a multiple of it are checked in the workflow (propose, decide).
ALTER TABLE enf_case ADD COLUMN discretion_base_fen bigint CHECK (discretion_base_fen >= 0);
