/**
 * Text hygiene (issue 11): the one definition of what a stored free text may contain.
 * docs/architecture.md "Input hygiene" explains each choice.
 */

/**
 * Invisible characters that change how text reads without showing themselves: the bidirectional
 * controls (embeddings, overrides, isolates, LRM/RLM, the Arabic letter mark), zero-width space and
 * non-joiner, word joiner and the invisible math operators, the byte-order mark, the Mongolian vowel
 * separator, the soft hyphen and the interlinear annotation marks. Removed rather than refused: phones and office software paste them
 * into ordinary text (a WeChat copy, a Word document), and a tipster must not lose a report to an
 * error they cannot see.
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB]/gu;

/**
 * A zero-width joiner is kept only between two emoji (👨‍👩‍👧, 🏳️‍🌈, 👍🏽‍…): there it is what makes
 * the sequence one picture. Anywhere else it only hides (衡阳\u200D市 would not match a search).
 */
const STRAY_ZWJ = /(?<![\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F])\u200D|\u200D(?!\p{Extended_Pictographic})/gu;

/**
 * Tag characters (U+E0001, U+E0020–E007F) are kept only right after a black flag, as the tag
 * sequence of a subdivision flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿); elsewhere they are invisible text ("ASCII smuggling").
 * One pass over runs (no look-behind: a long run must not cost quadratic time).
 */
const TAG_RUN = /(\u{1F3F4}?)[\u{E0001}\u{E0020}-\u{E007F}]+/gu;
const keepFlagTags = (run: string, flag: string) => (flag ? run : '');

/** C0 and C1 controls other than tab and newline. */
const CONTROL = /[^\P{Cc}\t\n]/gu;
/** Everything that ends or separates a line or is a tab, for single-line fields. */
const LINE_BREAKS = /\r\n|[\t\n\v\f\r\u0085\u2028\u2029]/g;

export const NUL = '\u0000';

/**
 * The cleaned form of a free text: line breaks as `\n` (or spaces when `isSingleLine`), invisible
 * characters and controls removed, Unicode NFC, trimmed. Idempotent.
 */
export function cleanText(text: string, { isSingleLine = false }: { isSingleLine?: boolean } = {}): string {
  const lines = isSingleLine ? text.replace(LINE_BREAKS, ' ') : text.replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n').replace(/[\v\f]/g, '\n');
  return lines
    .replace(INVISIBLE, '')
    .replace(STRAY_ZWJ, '')
    .replace(TAG_RUN, keepFlagTags)
    .replace(CONTROL, '')
    .normalize('NFC')
    .trim();
}

/**
 * Where a NUL hides in parsed input (JSON body, form fields, query): the dotted path of each
 * string or key that holds one. PostgreSQL cannot store U+0000 in text (SQLSTATE 22021), and no
 * honest client sends it, so input holding one is refused everywhere, not cleaned.
 */
export function nulPaths(input: unknown): string[] {
  const found: string[] = [];
  // Iterative: a hostile body may nest deeper than the call stack. A value's path is spelled out
  // only when it holds a NUL (every request's query and body pass through here, issue 14).
  type Step = { key: string; parent: Step | null } | null;
  const pathOf = (step: Step): string => {
    const keys: string[] = [];
    for (let at = step; at; at = at.parent) keys.push(at.key);
    return keys.reverse().join('.') || '(root)';
  };
  const pending: [unknown, Step][] = [[input, null]];
  while (pending.length > 0) {
    const [value, at] = pending.pop()!;
    if (typeof value === 'string') {
      if (value.includes(NUL)) found.push(pathOf(at));
    } else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        if (key.includes(NUL)) found.push(pathOf({ key: key.replaceAll(NUL, '\\0'), parent: at }));
        else pending.push([(value as Record<string, unknown>)[key], { key, parent: at }]);
      }
    }
  }
  return found.sort();
}
