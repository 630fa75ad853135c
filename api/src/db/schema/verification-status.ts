import { pgEnum } from 'drizzle-orm/pg-core';
import { VERIFICATION_TASK_STATUSES } from '@hy/schemas/verification-rules';

/** A verification task's state; also the tips' copy of their latest task's state (queue filter). */
export const verificationStatusEnum = pgEnum('verification_status', VERIFICATION_TASK_STATUSES);
