/** Account field limits a page checks before sending, without zod (auth.ts builds its schemas from them). */

export const PASSWORD_LENGTH = { min: 8, max: 128 } as const;

export const DISPLAY_NAME_LENGTH = { min: 2, max: 30 } as const;
