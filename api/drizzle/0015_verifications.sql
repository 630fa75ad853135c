CREATE TYPE "public"."verification_status" AS ENUM('open', 'reported');--> statement-breakpoint
CREATE TYPE "public"."verification_finding" AS ENUM('confirmed', 'not_found', 'unclear');--> statement-breakpoint
ALTER TYPE "public"."history_kind" ADD VALUE 'verification';--> statement-breakpoint
CREATE TABLE "verification_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"verification_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"mime_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"sha256" text NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"purged_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tip_id" uuid NOT NULL,
	"community_id" integer NOT NULL,
	"assigned_to_id" uuid NOT NULL,
	"requested_by_id" uuid NOT NULL,
	"note" text NOT NULL,
	"due_at" timestamp (3) with time zone NOT NULL,
	"status" "verification_status" DEFAULT 'open' NOT NULL,
	"finding" "verification_finding",
	"report_note" text,
	"reported_by_id" uuid,
	"reported_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "verifications_report_complete" CHECK (("verifications"."status" = 'open' AND "verifications"."finding" IS NULL AND "verifications"."reported_at" IS NULL AND "verifications"."reported_by_id" IS NULL)
        OR ("verifications"."status" = 'reported' AND "verifications"."finding" IS NOT NULL AND "verifications"."reported_at" IS NOT NULL AND "verifications"."reported_by_id" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "tips" ADD COLUMN "verification_status" "verification_status";--> statement-breakpoint
ALTER TABLE "tips" ADD COLUMN "verification_due_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "verification_photos" ADD CONSTRAINT "verification_photos_verification_id_verifications_id_fk" FOREIGN KEY ("verification_id") REFERENCES "public"."verifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verifications" ADD CONSTRAINT "verifications_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verifications" ADD CONSTRAINT "verifications_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verifications" ADD CONSTRAINT "verifications_assigned_to_id_users_id_fk" FOREIGN KEY ("assigned_to_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verifications" ADD CONSTRAINT "verifications_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verifications" ADD CONSTRAINT "verifications_reported_by_id_users_id_fk" FOREIGN KEY ("reported_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "verification_photos_verification_id_position_index" ON "verification_photos" USING btree ("verification_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "verifications_one_open_per_tip_idx" ON "verifications" USING btree ("tip_id") WHERE "verifications"."status" = 'open';--> statement-breakpoint
CREATE INDEX "verifications_tip_created_idx" ON "verifications" USING btree ("tip_id","created_at");--> statement-breakpoint
CREATE INDEX "verifications_community_open_idx" ON "verifications" USING btree ("community_id","due_at","id") WHERE "verifications"."status" = 'open';--> statement-breakpoint
CREATE INDEX "verifications_community_reported_idx" ON "verifications" USING btree ("community_id","reported_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "verifications"."status" = 'reported';--> statement-breakpoint
CREATE INDEX "tips_queue_verification_idx" ON "tips" USING btree ("district_id","status","verification_status","priority_rank" DESC NULLS LAST,"created_at","id") WHERE "tips"."verification_status" IS NOT NULL;