CREATE TABLE "townships" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"district_id" smallint NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	CONSTRAINT "townships_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "code" text;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "township_id" integer;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "pinyin" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "initials" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "townships" ADD CONSTRAINT "townships_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "townships_district_id_code_index" ON "townships" USING btree ("district_id","code");--> statement-breakpoint
ALTER TABLE "communities" ADD CONSTRAINT "communities_township_id_townships_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."townships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "communities_district_id_code_index" ON "communities" USING btree ("district_id","code");--> statement-breakpoint
CREATE INDEX "communities_township_id_code_index" ON "communities" USING btree ("township_id","code");--> statement-breakpoint
ALTER TABLE "communities" ADD CONSTRAINT "communities_code_unique" UNIQUE("code");--> statement-breakpoint
-- hand-written below
-- Community search (GET /api/communities?q=): Chinese name, pinyin or initials, contains.
CREATE INDEX IF NOT EXISTS "communities_search_trgm_idx" ON "communities" USING gin (("name_zh" || ' ' || "pinyin" || ' ' || "initials") gin_trgm_ops);
