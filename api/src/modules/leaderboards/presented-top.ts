import type { BoardTop } from './board-cache';
import { competitionRanks } from './leaderboards.policy';

/**
 * A board's first entries as every caller sees them, whose each one is (a user, a community), each
 * one's JSON, and the list's JSON as UTF-8 bytes: most callers are not on the board, and their
 * answer is these bytes between two short parts (encoding the 7 KB of names anew was 6 % of a
 * board request).
 */
export type PresentedTop<Entry> = { owners: readonly unknown[]; entries: readonly Entry[]; texts: readonly string[]; bytes: Buffer };

const presentedByTop = new WeakMap<object, Map<number, PresentedTop<unknown>>>();

/**
 * The first `limit` rows of a cached top N, ranked (ties share a rank), presented and serialized
 * once per cached top and limit, not once per request (issue 14: presenting, then serializing, the
 * 50 entries for every caller were the largest shares of a board request's own CPU). A top read
 * from Redis is a new object on every read and is presented every time. Frozen: every caller's
 * answer shares them.
 */
export function presentTop<Row, Entry>(opts: {
  top: BoardTop<Row>;
  limit: number;
  score: (r: Row) => number;
  owner: (r: Row) => unknown;
  present: (r: Row, rank: number) => Entry;
}): PresentedTop<Entry> {
  let byLimit = presentedByTop.get(opts.top);
  if (!byLimit) presentedByTop.set(opts.top, (byLimit = new Map()));
  const known = byLimit.get(opts.limit) as PresentedTop<Entry> | undefined;
  if (known) return known;
  const rows = opts.top.rows.slice(0, opts.limit);
  const ranks = competitionRanks(rows, opts.score);
  const entries = rows.map((r, i) => Object.freeze(opts.present(r, ranks[i])));
  const texts = entries.map((e) => JSON.stringify(e));
  const presented = {
    owners: Object.freeze(rows.map(opts.owner)),
    entries: Object.freeze(entries),
    texts: Object.freeze(texts),
    bytes: Buffer.from(`[${texts.join(',')}]`),
  };
  byLimit.set(opts.limit, presented);
  return presented;
}

/** The entries as one caller sees them: the shared ones, with the caller's own (if on the board) marked. */
export type OwnedEntries<Entry> = { top: PresentedTop<Entry>; at: number; mark: (e: Entry) => Entry };

export function withOwnEntry<Entry>(top: PresentedTop<Entry>, owner: unknown, mark: (e: Entry) => Entry): OwnedEntries<Entry> {
  return { top, at: owner === null || owner === undefined ? -1 : top.owners.indexOf(owner), mark };
}

const CLOSE = Buffer.from('}');

/**
 * A board answer's JSON as UTF-8, in three parts: its own fields serialized, the shared entries'
 * bytes (only the caller's own entry, if on the board, serialized anew), the closing brace —
 * sent one after the other (`sendJsonText`). What `res.json` of the same object would send.
 */
export function boardJson<Entry>(board: { entries: OwnedEntries<Entry> }): readonly Buffer[] {
  const { entries, ...fields } = board;
  const { top, at, mark } = entries;
  const head = JSON.stringify(fields);
  const opening = Buffer.from(`${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"entries":`);
  const list = at < 0 ? top.bytes : Buffer.from(`[${top.texts.map((t, i) => (i === at ? JSON.stringify(mark(top.entries[i])) : t)).join(',')}]`);
  return [opening, list, CLOSE];
}
