-- Fill the leaderboard histogram from the period totals already there: city-wide (district 0)
-- and per district, exactly what addToPeriods keeps from now on. SHARE mode holds off awards
-- (they write user_period_points) until the copy commits, so none falls between the two.
LOCK TABLE "user_period_points" IN SHARE MODE;--> statement-breakpoint
DELETE FROM "period_points_histogram";--> statement-breakpoint
INSERT INTO "period_points_histogram" ("period", "period_start", "district_id", "points", "users")
SELECT "period", "period_start", 0, "points", count(*)::int FROM "user_period_points" GROUP BY 1, 2, 4
UNION ALL
SELECT "period", "period_start", "district_id", "points", count(*)::int FROM "user_period_points"
WHERE "district_id" IS NOT NULL GROUP BY 1, 2, 3, 4;
