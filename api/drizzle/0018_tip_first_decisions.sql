CREATE TABLE "tip_first_decisions" (
	"tip_id" uuid PRIMARY KEY NOT NULL,
	"district_id" smallint NOT NULL,
	"submitted_at" timestamp (3) with time zone NOT NULL,
	"first_decided_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tip_first_decisions" ADD CONSTRAINT "tip_first_decisions_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tip_first_decisions_period_idx" ON "tip_first_decisions" USING btree ("district_id","submitted_at","first_decided_at");--> statement-breakpoint
CREATE INDEX "verifications_due_idx" ON "verifications" USING btree ("due_at");--> statement-breakpoint
-- hand-written below
-- First decisions from the history: the first status change out of `submitted` of each tip, with
-- the tip's district and submission time. One pass over tip_history and tips, writing only the
-- new narrow table (tips and their indexes are not rewritten).
INSERT INTO "tip_first_decisions" ("tip_id", "district_id", "submitted_at", "first_decided_at")
SELECT t."id", t."district_id", t."created_at", h.first
FROM (SELECT "tip_id", min("created_at") AS first FROM "tip_history"
      WHERE "kind" = 'status' AND "to_status" IN ('valid', 'invalid', 'duplicate', 'needs_info') GROUP BY "tip_id") h
JOIN "tips" t ON t."id" = h."tip_id";
--> statement-breakpoint
-- A database that applied the first version of 0016 has tips.first_decided_at and an index
-- including it: dropping the column (a catalogue change, no rewrite) drops that index too, and it
-- is built again without the column. Elsewhere both statements do nothing.
ALTER TABLE "tips" DROP COLUMN IF EXISTS "first_decided_at";
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "tips_stats_period_idx" ON "tips" USING btree ("district_id", "created_at") INCLUDE ("reporter_id");
