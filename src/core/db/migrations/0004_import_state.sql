-- Import state. An import's row is written (and committed) before its records: `running`
-- while the file goes in, then `committed`, or `failed` when it was rolled back. On the
-- embedded engine a chunked ledger's rows commit chunk by chunk (so other requests run
-- between chunks) and a failed or interrupted import is compensated from its provenance
-- rows; a `running` import found when the system opens was interrupted (a killed process)
-- and is rolled back then. `started_seq` is the audit chain's head when the import began:
-- an event after it on one of the import's records means someone changed that record
-- while the import ran, and the compensation keeps it (and says so) instead of overwriting it.
-- `failure` says why a failed import kept in the list failed (Chinese).
ALTER TABLE ledger_import ADD COLUMN state text NOT NULL DEFAULT 'committed' CHECK (state IN ('running', 'committed', 'failed'));
ALTER TABLE ledger_import ADD COLUMN started_seq bigint;
ALTER TABLE ledger_import ADD COLUMN failure text;
-- One running import per ledger and tenant: a second one is refused (409), whichever process tries.
CREATE UNIQUE INDEX ledger_import_one_running ON ledger_import (tenant_id, ledger) WHERE state = 'running';
