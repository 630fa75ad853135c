-- Trigram similarity for duplicate suggestions and free-text queue search (PGlite loads the
-- contrib module; the server ships it in postgresql-contrib).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "tips_description_trgm_idx" ON "tips" USING gin ("description" gin_trgm_ops);
