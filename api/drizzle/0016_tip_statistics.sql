CREATE TABLE "tip_daily_stats" (
	"day" date NOT NULL,
	"district_id" smallint NOT NULL,
	"category" text NOT NULL,
	"status" "tip_status" NOT NULL,
	"tips" integer NOT NULL,
	CONSTRAINT "tip_daily_stats_day_district_id_category_status_pk" PRIMARY KEY("day","district_id","category","status")
);
--> statement-breakpoint
CREATE INDEX "tip_daily_stats_district_day_idx" ON "tip_daily_stats" USING btree ("district_id","day");--> statement-breakpoint
CREATE INDEX "cases_district_created_idx" ON "cases" USING btree ("district_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_district_solved_idx" ON "cases" USING btree ("district_id","solved_at");--> statement-breakpoint
-- hand-written below
-- The statistics day of a moment: its calendar day in Asia/Shanghai (UTC+8 all year, no DST), as
-- the tip references count days. IMMUTABLE, unlike AT TIME ZONE with a zone name.
CREATE OR REPLACE FUNCTION hy_stats_day(ts timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ((ts AT TIME ZONE 'UTC') + interval '8 hours')::date $$;
--> statement-breakpoint
-- (Until 2026-11-30 this migration also added tips.first_decided_at and filled it with an UPDATE of
-- every tip: over 45 minutes on 2M tips. First decisions now live in their own table, filled by
-- 0018, which also drops the column from databases that applied the earlier version of this file.)
CREATE INDEX IF NOT EXISTS "tips_stats_period_idx" ON "tips" USING btree ("district_id", "created_at") INCLUDE ("reporter_id");
--> statement-breakpoint
INSERT INTO "tip_daily_stats" ("day", "district_id", "category", "status", "tips")
SELECT hy_stats_day("created_at"), "district_id", "category", "status", count(*)::int FROM "tips" GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
-- One statement-level trigger per operation keeps tip_daily_stats in the writer's transaction:
-- old rows count −1, new rows +1, summed per key, so an update that changes no key (a claim, a
-- case link) writes nothing, and a bulk INSERT … SELECT costs one grouped upsert. Keys are
-- upserted in key order so two transactions touching the same keys lock them alike.
CREATE OR REPLACE FUNCTION tip_daily_stats_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO tip_daily_stats AS s (day, district_id, category, status, tips)
    SELECT hy_stats_day(created_at), district_id, category, status, count(*)::int FROM new_rows
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (day, district_id, category, status) DO UPDATE SET tips = s.tips + excluded.tips;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO tip_daily_stats AS s (day, district_id, category, status, tips)
    SELECT hy_stats_day(created_at), district_id, category, status, -count(*)::int FROM old_rows
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (day, district_id, category, status) DO UPDATE SET tips = s.tips + excluded.tips;
  ELSE
    INSERT INTO tip_daily_stats AS s (day, district_id, category, status, tips)
    SELECT day, district_id, category, status, sum(delta)::int FROM (
      SELECT hy_stats_day(created_at) AS day, district_id, category, status, -1 AS delta FROM old_rows
      UNION ALL
      SELECT hy_stats_day(created_at), district_id, category, status, 1 FROM new_rows
    ) d
    GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (day, district_id, category, status) DO UPDATE SET tips = s.tips + excluded.tips;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "tips_daily_stats_insert" AFTER INSERT ON "tips" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tip_daily_stats_sync();
--> statement-breakpoint
CREATE TRIGGER "tips_daily_stats_update" AFTER UPDATE ON "tips" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tip_daily_stats_sync();
--> statement-breakpoint
CREATE TRIGGER "tips_daily_stats_delete" AFTER DELETE ON "tips" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tip_daily_stats_sync();
