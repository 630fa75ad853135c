CREATE TABLE "tip_map_cells" (
	"size" smallint NOT NULL,
	"district_id" smallint NOT NULL,
	"gx" integer NOT NULL,
	"gy" integer NOT NULL,
	"status" "tip_status" NOT NULL,
	"category" text NOT NULL,
	"tips" integer NOT NULL,
	"lat_sum" double precision NOT NULL,
	"lng_sum" double precision NOT NULL,
	CONSTRAINT "tip_map_cells_size_district_id_gx_gy_status_category_pk" PRIMARY KEY("size","district_id","gx","gy","status","category")
);
--> statement-breakpoint
-- hand-written below
-- Kept like tip_daily_stats (0016): one statement-level trigger per operation, old rows −1 and new
-- rows +1 summed per key at both cell sizes, so an update that moves no tip between cells,
-- statuses or categories (a claim, a case link) writes nothing, and keys are upserted in key order.
CREATE OR REPLACE FUNCTION tip_map_cells_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Each branch names only the transition tables its operation has.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO tip_map_cells AS c (size, district_id, gx, gy, status, category, tips, lat_sum, lng_sum)
    SELECT z.size, d.district_id, floor(d.lng * 1000 / z.size)::int, floor(d.lat * 1000 / z.size)::int, d.status, d.category,
           sum(d.sign)::int, sum(d.sign * d.lat), sum(d.sign * d.lng)
    FROM (SELECT district_id, status, category, lat, lng, 1 AS sign FROM new_rows WHERE lat IS NOT NULL) d CROSS JOIN (VALUES (5::smallint), (50::smallint)) z(size)
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(d.sign) <> 0 OR sum(d.sign * d.lat) <> 0 OR sum(d.sign * d.lng) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (size, district_id, gx, gy, status, category)
    DO UPDATE SET tips = c.tips + excluded.tips, lat_sum = c.lat_sum + excluded.lat_sum, lng_sum = c.lng_sum + excluded.lng_sum;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO tip_map_cells AS c (size, district_id, gx, gy, status, category, tips, lat_sum, lng_sum)
    SELECT z.size, d.district_id, floor(d.lng * 1000 / z.size)::int, floor(d.lat * 1000 / z.size)::int, d.status, d.category,
           sum(d.sign)::int, sum(d.sign * d.lat), sum(d.sign * d.lng)
    FROM (SELECT district_id, status, category, lat, lng, -1 AS sign FROM old_rows WHERE lat IS NOT NULL) d CROSS JOIN (VALUES (5::smallint), (50::smallint)) z(size)
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(d.sign) <> 0 OR sum(d.sign * d.lat) <> 0 OR sum(d.sign * d.lng) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (size, district_id, gx, gy, status, category)
    DO UPDATE SET tips = c.tips + excluded.tips, lat_sum = c.lat_sum + excluded.lat_sum, lng_sum = c.lng_sum + excluded.lng_sum;
  ELSE
    INSERT INTO tip_map_cells AS c (size, district_id, gx, gy, status, category, tips, lat_sum, lng_sum)
    SELECT z.size, d.district_id, floor(d.lng * 1000 / z.size)::int, floor(d.lat * 1000 / z.size)::int, d.status, d.category,
           sum(d.sign)::int, sum(d.sign * d.lat), sum(d.sign * d.lng)
    FROM (SELECT district_id, status, category, lat, lng, 1 AS sign FROM new_rows WHERE lat IS NOT NULL UNION ALL SELECT district_id, status, category, lat, lng, -1 AS sign FROM old_rows WHERE lat IS NOT NULL) d CROSS JOIN (VALUES (5::smallint), (50::smallint)) z(size)
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(d.sign) <> 0 OR sum(d.sign * d.lat) <> 0 OR sum(d.sign * d.lng) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (size, district_id, gx, gy, status, category)
    DO UPDATE SET tips = c.tips + excluded.tips, lat_sum = c.lat_sum + excluded.lat_sum, lng_sum = c.lng_sum + excluded.lng_sum;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
INSERT INTO "tip_map_cells" ("size", "district_id", "gx", "gy", "status", "category", "tips", "lat_sum", "lng_sum")
SELECT z.size, t."district_id", floor(t."lng" * 1000 / z.size)::int, floor(t."lat" * 1000 / z.size)::int, t."status", t."category",
       count(*)::int, sum(t."lat"), sum(t."lng")
FROM "tips" t CROSS JOIN (VALUES (5::smallint), (50::smallint)) z(size)
WHERE t."lat" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
CREATE TRIGGER "tips_map_cells_insert" AFTER INSERT ON "tips" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tip_map_cells_sync();
--> statement-breakpoint
CREATE TRIGGER "tips_map_cells_update" AFTER UPDATE ON "tips" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tip_map_cells_sync();
--> statement-breakpoint
CREATE TRIGGER "tips_map_cells_delete" AFTER DELETE ON "tips" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tip_map_cells_sync();
