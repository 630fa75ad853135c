ALTER TYPE "public"."role" ADD VALUE 'auxiliary';--> statement-breakpoint
DROP INDEX "users_role_district_id_index";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "token_epoch" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "token_epoch_changed_at" timestamp (3) with time zone;--> statement-breakpoint
CREATE INDEX "users_role_district_created_idx" ON "users" USING btree ("role","district_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "users_display_name_trgm_idx" ON "users" USING gin ("display_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "users_created_idx" ON "users" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "users_token_epoch_changed_idx" ON "users" USING btree ("token_epoch_changed_at") WHERE "users"."token_epoch_changed_at" IS NOT NULL;