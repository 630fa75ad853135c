/** Escapes LIKE/ILIKE wildcards so user text matches literally (PostgreSQL's default escape is \). */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
