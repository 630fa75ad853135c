CREATE TABLE "tip_decision_hours" (
	"scope" smallint NOT NULL,
	"day" date NOT NULL,
	"hours" smallint NOT NULL,
	"tips" integer NOT NULL,
	CONSTRAINT "tip_decision_hours_scope_day_hours_pk" PRIMARY KEY("scope","day","hours")
);
--> statement-breakpoint
CREATE TABLE "tip_map_status_cells" (
	"size" smallint NOT NULL,
	"district_id" smallint NOT NULL,
	"gx" integer NOT NULL,
	"gy" integer NOT NULL,
	"status" "tip_status" NOT NULL,
	"tips" integer NOT NULL,
	"lat_sum" double precision NOT NULL,
	"lng_sum" double precision NOT NULL,
	CONSTRAINT "tip_map_status_cells_size_district_id_gx_gy_status_pk" PRIMARY KEY("size","district_id","gx","gy","status")
);
--> statement-breakpoint
CREATE TABLE "tip_monthly_stats" (
	"month" date NOT NULL,
	"district_id" smallint NOT NULL,
	"category" text NOT NULL,
	"status" "tip_status" NOT NULL,
	"tips" integer NOT NULL,
	CONSTRAINT "tip_monthly_stats_month_district_id_category_status_pk" PRIMARY KEY("month","district_id","category","status")
);
--> statement-breakpoint
CREATE TABLE "tip_weekly_stats" (
	"week" date NOT NULL,
	"district_id" smallint NOT NULL,
	"category" text NOT NULL,
	"tips" integer NOT NULL,
	CONSTRAINT "tip_weekly_stats_week_district_id_category_pk" PRIMARY KEY("week","district_id","category")
);
--> statement-breakpoint
CREATE TABLE "volunteer_day_pairs" (
	"scope" smallint NOT NULL,
	"day" date NOT NULL,
	"prev_day" date NOT NULL,
	"volunteers" integer NOT NULL,
	CONSTRAINT "volunteer_day_pairs_scope_day_prev_day_pk" PRIMARY KEY("scope","day","prev_day")
);
--> statement-breakpoint
CREATE TABLE "volunteer_last_days" (
	"scope" smallint NOT NULL,
	"day" date NOT NULL,
	"volunteers" integer NOT NULL,
	CONSTRAINT "volunteer_last_days_scope_day_pk" PRIMARY KEY("scope","day")
);
--> statement-breakpoint
CREATE INDEX "tip_monthly_stats_district_month_idx" ON "tip_monthly_stats" USING btree ("district_id","month");--> statement-breakpoint
CREATE INDEX "tip_weekly_stats_district_week_idx" ON "tip_weekly_stats" USING btree ("district_id","week");--> statement-breakpoint
CREATE INDEX "tip_first_decisions_hours_idx" ON "tip_first_decisions" USING btree ("district_id",("first_decided_at" - "submitted_at"),"submitted_at","first_decided_at");--> statement-breakpoint
-- hand-written below
-- The map's cells without the category (tip_map_status_cells), kept like tip_map_cells (0020).
CREATE OR REPLACE FUNCTION tip_map_status_cells_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Each branch names only the transition tables its operation has.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO tip_map_status_cells AS c (size, district_id, gx, gy, status, tips, lat_sum, lng_sum)
    SELECT z.size, d.district_id, floor(d.lng * 1000 / z.size)::int, floor(d.lat * 1000 / z.size)::int, d.status,
           count(*)::int, sum(d.lat), sum(d.lng)
    FROM new_rows d CROSS JOIN (VALUES (5::smallint), (50::smallint)) z(size) WHERE d.lat IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (size, district_id, gx, gy, status)
    DO UPDATE SET tips = c.tips + excluded.tips, lat_sum = c.lat_sum + excluded.lat_sum, lng_sum = c.lng_sum + excluded.lng_sum;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO tip_map_status_cells AS c (size, district_id, gx, gy, status, tips, lat_sum, lng_sum)
    SELECT z.size, d.district_id, floor(d.lng * 1000 / z.size)::int, floor(d.lat * 1000 / z.size)::int, d.status,
           -count(*)::int, -sum(d.lat), -sum(d.lng)
    FROM old_rows d CROSS JOIN (VALUES (5::smallint), (50::smallint)) z(size) WHERE d.lat IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (size, district_id, gx, gy, status)
    DO UPDATE SET tips = c.tips + excluded.tips, lat_sum = c.lat_sum + excluded.lat_sum, lng_sum = c.lng_sum + excluded.lng_sum;
  ELSE
    INSERT INTO tip_map_status_cells AS c (size, district_id, gx, gy, status, tips, lat_sum, lng_sum)
    SELECT z.size, d.district_id, floor(d.lng * 1000 / z.size)::int, floor(d.lat * 1000 / z.size)::int, d.status,
           sum(d.sign)::int, sum(d.sign * d.lat), sum(d.sign * d.lng)
    FROM (SELECT district_id, status, lat, lng, 1 AS sign FROM new_rows WHERE lat IS NOT NULL
          UNION ALL SELECT district_id, status, lat, lng, -1 FROM old_rows WHERE lat IS NOT NULL) d
      CROSS JOIN (VALUES (5::smallint), (50::smallint)) z(size)
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(d.sign) <> 0 OR sum(d.sign * d.lat) <> 0 OR sum(d.sign * d.lng) <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (size, district_id, gx, gy, status)
    DO UPDATE SET tips = c.tips + excluded.tips, lat_sum = c.lat_sum + excluded.lat_sum, lng_sum = c.lng_sum + excluded.lng_sum;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Filled from tip_map_cells (already equal to the tips), not from the 2M tips again.
INSERT INTO "tip_map_status_cells" ("size", "district_id", "gx", "gy", "status", "tips", "lat_sum", "lng_sum")
SELECT "size", "district_id", "gx", "gy", "status", sum("tips")::int, sum("lat_sum"), sum("lng_sum")
FROM "tip_map_cells" GROUP BY 1, 2, 3, 4, 5 HAVING sum("tips") <> 0;
--> statement-breakpoint
CREATE TRIGGER "tips_map_status_cells_insert" AFTER INSERT ON "tips" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tip_map_status_cells_sync();
--> statement-breakpoint
CREATE TRIGGER "tips_map_status_cells_update" AFTER UPDATE ON "tips" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tip_map_status_cells_sync();
--> statement-breakpoint
CREATE TRIGGER "tips_map_status_cells_delete" AFTER DELETE ON "tips" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tip_map_status_cells_sync();
--> statement-breakpoint
-- Time to first decision in whole hours, as tip_decision_hours buckets it: −1 for a negative time
-- (a clock set back), 720 (30 days) for anything longer.
CREATE OR REPLACE FUNCTION hy_decision_hours(submitted timestamptz, decided timestamptz) RETURNS smallint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT greatest(-1, least(720, floor(extract(epoch FROM decided - submitted) / 3600)))::smallint $$;
--> statement-breakpoint
-- tip_decision_hours follows tip_first_decisions (written by the tips module's transitions: the
-- first decision inserts, a transfer moves the district, a deleted tip cascades): each row counts
-- in its district's scope and in the city's (0); an update that moves nothing writes nothing.
CREATE OR REPLACE FUNCTION tip_decision_hours_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO tip_decision_hours AS h (scope, day, hours, tips)
    SELECT s.scope, hy_stats_day(d.submitted_at), hy_decision_hours(d.submitted_at, d.first_decided_at), count(*)::int
    FROM new_rows d CROSS JOIN LATERAL (VALUES (d.district_id), (0::smallint)) s(scope)
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (scope, day, hours) DO UPDATE SET tips = h.tips + excluded.tips;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO tip_decision_hours AS h (scope, day, hours, tips)
    SELECT s.scope, hy_stats_day(d.submitted_at), hy_decision_hours(d.submitted_at, d.first_decided_at), -count(*)::int
    FROM old_rows d CROSS JOIN LATERAL (VALUES (d.district_id), (0::smallint)) s(scope)
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (scope, day, hours) DO UPDATE SET tips = h.tips + excluded.tips;
  ELSE
    INSERT INTO tip_decision_hours AS h (scope, day, hours, tips)
    SELECT s.scope, hy_stats_day(d.submitted_at), hy_decision_hours(d.submitted_at, d.first_decided_at), sum(d.sign)::int
    FROM (SELECT district_id, submitted_at, first_decided_at, 1 AS sign FROM new_rows
          UNION ALL SELECT district_id, submitted_at, first_decided_at, -1 FROM old_rows) d
      CROSS JOIN LATERAL (VALUES (d.district_id), (0::smallint)) s(scope)
    GROUP BY 1, 2, 3 HAVING sum(d.sign) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (scope, day, hours) DO UPDATE SET tips = h.tips + excluded.tips;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
INSERT INTO "tip_decision_hours" ("scope", "day", "hours", "tips")
SELECT s.scope, hy_stats_day(d."submitted_at"), hy_decision_hours(d."submitted_at", d."first_decided_at"), count(*)::int
FROM "tip_first_decisions" d CROSS JOIN LATERAL (VALUES (d."district_id"), (0::smallint)) s(scope)
GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE TRIGGER "tip_first_decisions_hours_insert" AFTER INSERT ON "tip_first_decisions" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tip_decision_hours_sync();
--> statement-breakpoint
CREATE TRIGGER "tip_first_decisions_hours_update" AFTER UPDATE ON "tip_first_decisions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tip_decision_hours_sync();
--> statement-breakpoint
CREATE TRIGGER "tip_first_decisions_hours_delete" AFTER DELETE ON "tip_first_decisions" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tip_decision_hours_sync();
--> statement-breakpoint
-- Active volunteers. For the volunteers whose tips changed (`came`: ids of inserted or changed
-- tips as they are now; `gone`: deleted or changed tips as they were), their days with a tip per
-- scope (the district, and 0 for the city) are taken before and after the change from `tips`
-- (tips_reporter_created_idx: a volunteer's few tips), chained day → previous day, and the
-- difference is added to volunteer_day_pairs and volunteer_last_days. A volunteer's second tip of
-- a day changes no pair and writes nothing.
CREATE OR REPLACE FUNCTION volunteer_activity_apply(reporters uuid[], came uuid[], gone_reporter uuid[], gone_district smallint[], gone_day date[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  r uuid;
BEGIN
  -- Two transactions adding tips of one volunteer would each miss the other's uncommitted tip and
  -- count the same new day twice: the second waits here for the first to commit, and (read
  -- committed: every statement below takes a new snapshot) then sees its tip.
  FOR r IN SELECT DISTINCT x FROM unnest(reporters) x ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(21021, hashtext(r::text));
  END LOOP;
  WITH cur AS (
    SELECT t.id, t.reporter_id, t.district_id, hy_stats_day(t.created_at) AS day FROM tips t WHERE t.reporter_id = ANY(reporters)
  ), days AS (
    SELECT -1 AS sign, o.reporter_id, s.scope, o.day
    FROM (SELECT reporter_id, district_id, day FROM cur WHERE NOT (id = ANY(came))
          UNION ALL SELECT * FROM unnest(gone_reporter, gone_district, gone_day) g(reporter_id, district_id, day)) o
      CROSS JOIN LATERAL (VALUES (o.district_id), (0::smallint)) s(scope)
    UNION
    SELECT 1, c.reporter_id, s.scope, c.day FROM cur c CROSS JOIN LATERAL (VALUES (c.district_id), (0::smallint)) s(scope)
  ), chain AS (
    SELECT sign, scope, day, coalesce(lag(day) OVER w, '-infinity'::date) AS prev_day, lead(day) OVER w IS NULL AS is_last
    FROM days WINDOW w AS (PARTITION BY sign, reporter_id, scope ORDER BY day)
  ), pairs AS (
    INSERT INTO volunteer_day_pairs AS p (scope, day, prev_day, volunteers)
    SELECT scope, day, prev_day, sum(sign)::int FROM chain GROUP BY 1, 2, 3 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (scope, day, prev_day) DO UPDATE SET volunteers = p.volunteers + excluded.volunteers
  )
  INSERT INTO volunteer_last_days AS l (scope, day, volunteers)
  SELECT scope, day, sum(sign)::int FROM chain WHERE is_last GROUP BY 1, 2 HAVING sum(sign) <> 0 ORDER BY 1, 2
  ON CONFLICT (scope, day) DO UPDATE SET volunteers = l.volunteers + excluded.volunteers;
END $$;
--> statement-breakpoint
-- Claims, decisions and case links change neither the reporter, the district nor the day: the
-- update branch finds no changed row and returns at once.
CREATE OR REPLACE FUNCTION tip_volunteer_activity_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  reporters uuid[];
  came uuid[];
  g_reporter uuid[];
  g_district smallint[];
  g_day date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT reporter_id), array_agg(id) INTO reporters, came FROM new_rows WHERE reporter_id IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT reporter_id), array_agg(reporter_id), array_agg(district_id), array_agg(hy_stats_day(created_at))
      INTO reporters, g_reporter, g_district, g_day FROM old_rows WHERE reporter_id IS NOT NULL;
  ELSE
    WITH changed AS (
      SELECT n.id, o.reporter_id AS old_reporter, o.district_id AS old_district, hy_stats_day(o.created_at) AS old_day, n.reporter_id AS new_reporter
      FROM old_rows o JOIN new_rows n USING (id)
      WHERE (o.reporter_id, o.district_id, hy_stats_day(o.created_at)) IS DISTINCT FROM (n.reporter_id, n.district_id, hy_stats_day(n.created_at))
        AND (o.reporter_id IS NOT NULL OR n.reporter_id IS NOT NULL)
    )
    SELECT (SELECT array_agg(DISTINCT x) FROM (SELECT old_reporter FROM changed UNION SELECT new_reporter FROM changed) u(x) WHERE x IS NOT NULL),
           (SELECT array_agg(id) FROM changed),
           (SELECT array_agg(old_reporter) FROM changed WHERE old_reporter IS NOT NULL),
           (SELECT array_agg(old_district) FROM changed WHERE old_reporter IS NOT NULL),
           (SELECT array_agg(old_day) FROM changed WHERE old_reporter IS NOT NULL)
      INTO reporters, came, g_reporter, g_district, g_day;
  END IF;
  IF reporters IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM volunteer_activity_apply(reporters, coalesce(came, '{}'), coalesce(g_reporter, '{}'), coalesce(g_district, '{}'), coalesce(g_day, '{}'));
  RETURN NULL;
END $$;
--> statement-breakpoint
-- One pass over the tips (tips_stats_period_idx holds district, created_at and reporter).
WITH d AS MATERIALIZED (
  SELECT DISTINCT t."reporter_id", s.scope, hy_stats_day(t."created_at") AS day
  FROM "tips" t CROSS JOIN LATERAL (VALUES (t."district_id"), (0::smallint)) s(scope)
  WHERE t."reporter_id" IS NOT NULL
), chain AS (
  SELECT scope, day, coalesce(lag(day) OVER w, '-infinity'::date) AS prev_day, lead(day) OVER w IS NULL AS is_last
  FROM d WINDOW w AS (PARTITION BY reporter_id, scope ORDER BY day)
), last AS (
  INSERT INTO "volunteer_last_days" ("scope", "day", "volunteers")
  SELECT scope, day, count(*)::int FROM chain WHERE is_last GROUP BY 1, 2
)
INSERT INTO "volunteer_day_pairs" ("scope", "day", "prev_day", "volunteers")
SELECT scope, day, prev_day, count(*)::int FROM chain GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE TRIGGER "tips_volunteer_activity_insert" AFTER INSERT ON "tips" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tip_volunteer_activity_sync();
--> statement-breakpoint
CREATE TRIGGER "tips_volunteer_activity_update" AFTER UPDATE ON "tips" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tip_volunteer_activity_sync();
--> statement-breakpoint
CREATE TRIGGER "tips_volunteer_activity_delete" AFTER DELETE ON "tips" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tip_volunteer_activity_sync();
--> statement-breakpoint
-- tip_monthly_stats and tip_weekly_stats follow the tips like tip_daily_stats (0016): old rows −1,
-- new rows +1, summed per key, keys upserted in key order; an update that changes no key (a claim,
-- a case link; for the weekly table also a decision) writes nothing.
CREATE OR REPLACE FUNCTION tip_period_stats_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Each branch names only the transition tables its operation has.
  IF TG_OP = 'INSERT' THEN
    WITH d AS (SELECT hy_stats_day(created_at) AS day, district_id, category, status, 1 AS sign FROM new_rows), m AS (
      INSERT INTO tip_monthly_stats AS s (month, district_id, category, status, tips)
      SELECT date_trunc('month', day)::date, district_id, category, status, sum(sign)::int FROM d
      GROUP BY 1, 2, 3, 4 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3, 4
      ON CONFLICT (month, district_id, category, status) DO UPDATE SET tips = s.tips + excluded.tips
    )
    INSERT INTO tip_weekly_stats AS s (week, district_id, category, tips)
    SELECT day - (extract(isodow FROM day)::int - 1), district_id, category, sum(sign)::int FROM d
    GROUP BY 1, 2, 3 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (week, district_id, category) DO UPDATE SET tips = s.tips + excluded.tips;
  ELSIF TG_OP = 'DELETE' THEN
    WITH d AS (SELECT hy_stats_day(created_at) AS day, district_id, category, status, -1 AS sign FROM old_rows), m AS (
      INSERT INTO tip_monthly_stats AS s (month, district_id, category, status, tips)
      SELECT date_trunc('month', day)::date, district_id, category, status, sum(sign)::int FROM d
      GROUP BY 1, 2, 3, 4 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3, 4
      ON CONFLICT (month, district_id, category, status) DO UPDATE SET tips = s.tips + excluded.tips
    )
    INSERT INTO tip_weekly_stats AS s (week, district_id, category, tips)
    SELECT day - (extract(isodow FROM day)::int - 1), district_id, category, sum(sign)::int FROM d
    GROUP BY 1, 2, 3 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (week, district_id, category) DO UPDATE SET tips = s.tips + excluded.tips;
  ELSE
    WITH d AS (SELECT hy_stats_day(created_at) AS day, district_id, category, status, 1 AS sign FROM new_rows
              UNION ALL SELECT hy_stats_day(created_at), district_id, category, status, -1 FROM old_rows), m AS (
      INSERT INTO tip_monthly_stats AS s (month, district_id, category, status, tips)
      SELECT date_trunc('month', day)::date, district_id, category, status, sum(sign)::int FROM d
      GROUP BY 1, 2, 3, 4 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3, 4
      ON CONFLICT (month, district_id, category, status) DO UPDATE SET tips = s.tips + excluded.tips
    )
    INSERT INTO tip_weekly_stats AS s (week, district_id, category, tips)
    SELECT day - (extract(isodow FROM day)::int - 1), district_id, category, sum(sign)::int FROM d
    GROUP BY 1, 2, 3 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (week, district_id, category) DO UPDATE SET tips = s.tips + excluded.tips;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
INSERT INTO "tip_monthly_stats" ("month", "district_id", "category", "status", "tips")
SELECT date_trunc('month', "day")::date, "district_id", "category", "status", sum("tips")::int FROM "tip_daily_stats" GROUP BY 1, 2, 3, 4 HAVING sum("tips") <> 0;
--> statement-breakpoint
INSERT INTO "tip_weekly_stats" ("week", "district_id", "category", "tips")
SELECT "day" - (extract(isodow FROM "day")::int - 1), "district_id", "category", sum("tips")::int FROM "tip_daily_stats" GROUP BY 1, 2, 3 HAVING sum("tips") <> 0;
--> statement-breakpoint
CREATE TRIGGER "tips_period_stats_insert" AFTER INSERT ON "tips" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tip_period_stats_sync();
--> statement-breakpoint
CREATE TRIGGER "tips_period_stats_update" AFTER UPDATE ON "tips" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tip_period_stats_sync();
--> statement-breakpoint
CREATE TRIGGER "tips_period_stats_delete" AFTER DELETE ON "tips" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tip_period_stats_sync();
