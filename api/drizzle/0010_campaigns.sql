CREATE TYPE "public"."campaign_kind" AS ENUM('patrol', 'publicity', 'other');--> statement-breakpoint
ALTER TYPE "public"."points_reason" ADD VALUE 'campaign';--> statement-breakpoint
CREATE TABLE "campaign_participants" (
	"campaign_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"joined_at" timestamp (3) with time zone NOT NULL,
	"checked_in_at" timestamp (3) with time zone,
	"check_in_lat" double precision,
	"check_in_lng" double precision,
	"check_in_accuracy_m" double precision,
	"check_in_distance_m" integer,
	"checked_out_at" timestamp (3) with time zone,
	"check_out_lat" double precision,
	"check_out_lng" double precision,
	"minutes" integer,
	"points_awarded" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "campaign_participants_campaign_id_user_id_pk" PRIMARY KEY("campaign_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"kind" "campaign_kind" NOT NULL,
	"description" text NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"radius_m" integer NOT NULL,
	"address" text NOT NULL,
	"district_id" smallint NOT NULL,
	"community_id" integer,
	"capacity" integer,
	"joined_count" integer DEFAULT 0 NOT NULL,
	"points" smallint NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_window" CHECK ("campaigns"."ends_at" > "campaigns"."starts_at"),
	CONSTRAINT "campaigns_points_range" CHECK ("campaigns"."points" BETWEEN 0 AND 50),
	CONSTRAINT "campaigns_radius_range" CHECK ("campaigns"."radius_m" BETWEEN 50 AND 5000),
	CONSTRAINT "campaigns_capacity" CHECK ("campaigns"."capacity" IS NULL OR ("campaigns"."capacity" >= 1 AND "campaigns"."joined_count" <= "campaigns"."capacity")),
	CONSTRAINT "campaigns_joined_non_negative" CHECK ("campaigns"."joined_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "points_ledger" ADD COLUMN "campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "campaign_participants" ADD CONSTRAINT "campaign_participants_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_participants" ADD CONSTRAINT "campaign_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_participants_user_checkin_idx" ON "campaign_participants" USING btree ("user_id","checked_in_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "campaign_participants_campaign_joined_idx" ON "campaign_participants" USING btree ("campaign_id","joined_at","user_id");--> statement-breakpoint
CREATE INDEX "campaigns_district_starts_idx" ON "campaigns" USING btree ("district_id","starts_at","id");--> statement-breakpoint
CREATE INDEX "campaigns_community_starts_idx" ON "campaigns" USING btree ("community_id","starts_at","id");--> statement-breakpoint
CREATE INDEX "campaigns_starts_idx" ON "campaigns" USING btree ("starts_at","id");--> statement-breakpoint
ALTER TABLE "points_ledger" ADD CONSTRAINT "points_ledger_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "points_ledger_campaign_once_idx" ON "points_ledger" USING btree ("user_id","reason","campaign_id") WHERE "points_ledger"."campaign_id" IS NOT NULL AND "points_ledger"."compensates_id" IS NULL;