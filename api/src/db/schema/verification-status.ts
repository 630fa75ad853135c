import { pgEnum } from 'drizzle-orm/pg-core';

/** A verification task's state; also the tips' copy of their latest task's state (queue filter). */
export const verificationStatusEnum = pgEnum('verification_status', ['open', 'reported']);
