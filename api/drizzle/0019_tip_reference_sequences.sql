-- hand-written below
-- Tip references HY-YYYYMMDD-NNNN without a hot row: one sequence per day (tip_ref_YYYYMMDD)
-- instead of the tip_reference_counters row every submission updated and held until its commit.
-- nextval() never waits for another transaction and is never rolled back, so numbers are unique
-- and may have gaps. Housekeeping creates the next days' sequences ahead and drops old ones; a
-- day without one gets it here on first use, under an advisory lock, starting after any number
-- that day already used (the old counter's value, the day's existing references).
CREATE OR REPLACE FUNCTION hy_tip_reference_sequence(d date) RETURNS regclass LANGUAGE plpgsql AS $$
DECLARE
  name text := 'tip_ref_' || to_char(d, 'YYYYMMDD');
  seq regclass := to_regclass(name);
  used bigint;
BEGIN
  IF seq IS NOT NULL THEN
    RETURN seq;
  END IF;
  PERFORM pg_advisory_xact_lock(726354018);
  -- Reading the tables (a first lock on them in this transaction) also takes in the catalog
  -- changes of a creator that committed while we waited, so to_regclass below sees its sequence.
  SELECT greatest(
      coalesce((SELECT last FROM tip_reference_counters WHERE day = d), 0),
      coalesce((SELECT max(substring(reference FROM 13)::bigint) FROM tips
                WHERE reference LIKE 'HY-' || to_char(d, 'YYYYMMDD') || '-%'
                  AND substring(reference FROM 13) ~ '^[0-9]+$'), 0))
    INTO used;
  seq := to_regclass(name);
  IF seq IS NULL THEN
    EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I AS bigint START %s', name, used + 1);
    seq := to_regclass(name);
  END IF;
  RETURN seq;
END $$;
--> statement-breakpoint
-- A block of n reference numbers of day d, each with an id for the tip's first history entry,
-- taken by the app in one round trip and handed out from memory (docs/architecture.md).
CREATE OR REPLACE FUNCTION hy_tip_numbers(d date, n int) RETURNS TABLE (reference_no bigint, history_id bigint)
  LANGUAGE plpgsql AS $$
DECLARE
  seq regclass := hy_tip_reference_sequence(d);
BEGIN
  RETURN QUERY SELECT nextval(seq), nextval('tip_history_id_seq'::regclass) FROM generate_series(1, n);
END $$;
