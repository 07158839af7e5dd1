-- 督办总览's counts of open demands (issue #17 item 2), kept on write: per bureau, kind, unit, due date, paused or
-- not and replied or not, how many demands are open (not closed). The overview's figures (open, overdue, due soon,
-- paused — which turn on today's date and on the kind's rule for the reply) are sums over these few rows instead of
-- a count of every open item at every call.
--
-- Every statement writing dm_item adds its difference (+ for the open rows it inserted or left, − for the open rows
-- it removed or changed) under its own transaction's id, so writers never wait on one another (no shared counter
-- row to queue on); the count of a key is the sum of its rows. A read folds the committed differences into the
-- xid = 0 row now and then (src/modules/demands/repository.ts, foldOpenTally): only what it sees, so a writer still
-- open keeps its row for the next fold. Statement triggers with transition tables: one insert a statement, whatever
-- the write path (form, push, ledger import, undo, demo).
CREATE TABLE dm_open_tally (
  tenant_id  uuid NOT NULL,
  kind       text NOT NULL,
  org_id     uuid NOT NULL,
  due_on     date NOT NULL,
  paused     boolean NOT NULL,
  replied    boolean NOT NULL,
  xid        bigint NOT NULL,          -- the writing transaction; 0: the folded count
  n          integer NOT NULL,
  PRIMARY KEY (tenant_id, kind, org_id, due_on, paused, replied, xid)
);

CREATE FUNCTION dm_item_open_tally() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO dm_open_tally (tenant_id, kind, org_id, due_on, paused, replied, xid, n)
    SELECT tenant_id, kind, org_id, due_on, status = 'paused', replied_at IS NOT NULL, txid_current(), count(*)
    FROM new_rows WHERE closed_at IS NULL
    GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (tenant_id, kind, org_id, due_on, paused, replied, xid) DO UPDATE SET n = dm_open_tally.n + EXCLUDED.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO dm_open_tally (tenant_id, kind, org_id, due_on, paused, replied, xid, n)
    SELECT tenant_id, kind, org_id, due_on, status = 'paused', replied_at IS NOT NULL, txid_current(), -count(*)
    FROM old_rows WHERE closed_at IS NULL
    GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (tenant_id, kind, org_id, due_on, paused, replied, xid) DO UPDATE SET n = dm_open_tally.n + EXCLUDED.n;
  ELSE
    INSERT INTO dm_open_tally (tenant_id, kind, org_id, due_on, paused, replied, xid, n)
    SELECT tenant_id, kind, org_id, due_on, paused, replied, txid_current(), sum(d)
    FROM (
      SELECT tenant_id, kind, org_id, due_on, status = 'paused' AS paused, replied_at IS NOT NULL AS replied, 1 AS d
      FROM new_rows WHERE closed_at IS NULL
      UNION ALL
      SELECT tenant_id, kind, org_id, due_on, status = 'paused', replied_at IS NOT NULL, -1
      FROM old_rows WHERE closed_at IS NULL
    ) c
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(d) <> 0
    ON CONFLICT (tenant_id, kind, org_id, due_on, paused, replied, xid) DO UPDATE SET n = dm_open_tally.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER dm_item_open_tally_insert AFTER INSERT ON dm_item
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dm_item_open_tally();
CREATE TRIGGER dm_item_open_tally_update AFTER UPDATE ON dm_item
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dm_item_open_tally();
CREATE TRIGGER dm_item_open_tally_delete AFTER DELETE ON dm_item
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dm_item_open_tally();

-- The demands already on record, folded.
INSERT INTO dm_open_tally (tenant_id, kind, org_id, due_on, paused, replied, xid, n)
SELECT tenant_id, kind, org_id, due_on, status = 'paused', replied_at IS NOT NULL, 0, count(*)
FROM dm_item WHERE closed_at IS NULL
GROUP BY 1, 2, 3, 4, 5, 6;

-- The covering index the overview counted the open items on (0004_list_filters.sql) has no reader left.
DROP INDEX dm_item_open_counts;
