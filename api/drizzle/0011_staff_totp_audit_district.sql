ALTER TABLE "users" ADD COLUMN "totp_secret_enc" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_pending_secret_enc" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_enabled_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_last_step" bigint;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "district_id" smallint;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_district_id_idx" ON "audit_log" USING btree ("district_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_created_at_idx" ON "audit_log" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
-- hand-written below
-- Existing entries: the tip's or the case's district, else the acting staff member's.
UPDATE "audit_log" a SET "district_id" = t."district_id" FROM "tips" t WHERE a."entity_type" = 'tip' AND a."entity_id" = t."id"::text;--> statement-breakpoint
UPDATE "audit_log" a SET "district_id" = c."district_id" FROM "cases" c WHERE a."entity_type" = 'case' AND a."entity_id" = c."id"::text;--> statement-breakpoint
UPDATE "audit_log" a SET "district_id" = u."district_id" FROM "users" u WHERE a."district_id" IS NULL AND a."actor_id" = u."id" AND u."role" <> 'volunteer';
