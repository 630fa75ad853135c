ALTER TYPE "public"."history_kind" ADD VALUE 'transfer';--> statement-breakpoint
ALTER TYPE "public"."points_reason" ADD VALUE 'reversal';--> statement-breakpoint
DROP INDEX "points_ledger_award_once_idx";--> statement-breakpoint
ALTER TABLE "tips" ADD COLUMN "decision_seq" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "points_ledger" ADD COLUMN "tip_decision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "points_ledger" ADD COLUMN "compensates_id" bigint;--> statement-breakpoint
ALTER TABLE "points_ledger" ADD CONSTRAINT "points_ledger_compensates_id_points_ledger_id_fk" FOREIGN KEY ("compensates_id") REFERENCES "public"."points_ledger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "points_ledger_compensates_once_idx" ON "points_ledger" USING btree ("compensates_id") WHERE "points_ledger"."compensates_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "points_ledger_award_once_idx" ON "points_ledger" USING btree ("user_id","reason","tip_id","tip_decision") WHERE "points_ledger"."tip_id" IS NOT NULL AND "points_ledger"."compensates_id" IS NULL;