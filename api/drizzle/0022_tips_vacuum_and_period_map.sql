-- 1. The queue's header counts and the map's grids are index-only scans: a tip changed since the
-- last VACUUM (a claim, a decision, a new tip) costs a heap fetch until VACUUM sets its page
-- all-visible again. PostgreSQL's defaults vacuum tips after 20 % of its rows changed (400,000 at
-- Hengyang's 2M) — the newest pages, exactly the open tips, then stay unvacuumed for days. Vacuum
-- after a fixed number of changes instead: such a vacuum reads only the pages not yet all-visible
-- and, with few dead rows, skips the index passes (INDEX_CLEANUP auto), so it stays small.
-- A page keeps a tenth free (fillfactor 90): a claim or its release changes no indexed column, so
-- with room on the page it is a HOT update — no new index entries and no dead item left for the
-- index passes, which VACUUM must see gone before it can mark the page all-visible again. On full
-- pages (fillfactor 100) 1,345 of 1,439 claim updates were not HOT in a benchmark run, and the 743
-- pages they touched stayed not all-visible after an autovacuum that (rightly) skipped the index
-- passes. The fillfactor applies to pages written from now on: the newest tips, the open ones.
ALTER TABLE "tips" SET (
  fillfactor = 90,
  autovacuum_vacuum_scale_factor = 0,
  autovacuum_vacuum_threshold = 1000,
  autovacuum_vacuum_insert_scale_factor = 0,
  autovacuum_vacuum_insert_threshold = 1000
);
--> statement-breakpoint
-- 2. The map over a period (the last 30 days of a district, say) read every tip of the box from
-- tips_map_idx (district, status, lng, lat, …), the period only filtered inside it. The period's
-- index (district, created_at) also carries what the map filters and grids on, so a period reads
-- its own tips' entries only, from the index alone. One index widened rather than another added:
-- a submission writes the same number of index entries.
DROP INDEX IF EXISTS "tips_stats_period_idx";
--> statement-breakpoint
CREATE INDEX "tips_stats_period_idx" ON "tips" USING btree ("district_id", "created_at") INCLUDE ("reporter_id", "status", "lng", "lat", "category");
--> statement-breakpoint
-- 3. A box of at most 2,000 tips is answered tip by tip: id, reference and priority were read from
-- each tip's row — one heap page per tip, the tips of a box being spread over the whole table
-- (1,826 pages for 雁峰区's 1,914 new tips). Carried in tips_map_idx, the points come from the index
-- alone (that box: 1,300 buffers from the index, one heap fetch). Declared here, not in the
-- drizzle schema: drizzle cannot declare INCLUDE columns.
DROP INDEX IF EXISTS "tips_map_idx";
--> statement-breakpoint
CREATE INDEX "tips_map_idx" ON "tips" USING btree ("district_id", "status", "lng", "lat", "category", "created_at") INCLUDE ("id", "reference", "priority") WHERE "lat" IS NOT NULL;
