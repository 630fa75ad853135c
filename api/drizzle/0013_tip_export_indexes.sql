CREATE INDEX "tips_district_created_idx" ON "tips" USING btree ("district_id","created_at","id");--> statement-breakpoint
CREATE INDEX "tips_created_idx" ON "tips" USING btree ("created_at","id");