import type { Language } from './language';

/** Reference data (categories, districts, communities) carries both names; show the current language's. */
export function localizedName(item: { nameZh: string; nameEn: string }, language: Language): string {
  return language === 'en' ? item.nameEn : item.nameZh;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/*
 * Dates are written by hand, exactly as Intl.DateTimeFormat writes them for the app's two
 * languages (dateStyle 'medium', timeStyle 'short'; web/test/format.test.ts compares them): the
 * first Intl.DateTimeFormat of a page loads ICU's calendar and time-zone data, tens of milliseconds
 * on the main thread, which fell inside the first render of My tips and of the organizer's queue.
 */
function datePart(date: Date, language: Language): string {
  return language === 'en'
    ? `${EN_MONTHS[date.getMonth()]} ${date.getDate()}, ${date.getFullYear()}`
    : `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

function timePart(date: Date, language: Language): string {
  const hours = date.getHours();
  const minutes = pad2(date.getMinutes());
  return language === 'en' ? `${hours % 12 || 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}` : `${pad2(hours)}:${minutes}`;
}

export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return language === 'en' ? `${datePart(date, language)}, ${timePart(date, language)}` : `${datePart(date, language)} ${timePart(date, language)}`;
}

export function formatDate(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return datePart(date, language);
}

/** Value for <input type="datetime-local"> in the device's time zone, to the minute. */
export function toDateTimeLocal(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const numberFormats = new Map<Language, Intl.NumberFormat>();

/**
 * Whole numbers get their thousands separators by hand (both languages write 12,345), the rest
 * through one Intl.NumberFormat per language: its first construction costs several milliseconds.
 */
export function formatNumber(n: number, language: Language): string {
  if (Number.isSafeInteger(n)) return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
  let format = numberFormats.get(language);
  if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(language)));
  return format.format(n);
}

export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
