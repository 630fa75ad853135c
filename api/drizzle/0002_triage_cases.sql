CREATE TABLE "case_reference_counters" (
	"day" date PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "tips_district_category_created_idx" ON "tips" USING btree ("district_id","category","created_at");