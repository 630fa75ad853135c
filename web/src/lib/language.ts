/** The app's languages (lib/i18n.ts loads their strings; this module needs nothing of Vite's, so Node tests can use it). */
export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
