/** The longest message the API accepts, for the web's form without zod (messages.ts reads the same). */
export const MESSAGE_MAX_CHARS = 2000;
