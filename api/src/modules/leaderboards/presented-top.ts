import type { BoardTop } from './board-cache';
import { competitionRanks } from './leaderboards.policy';

/** A board's first entries as every caller sees them, and whose each one is (a user, a community). */
export type PresentedTop<Entry> = { owners: readonly unknown[]; entries: readonly Entry[] };

const presentedByTop = new WeakMap<object, Map<number, PresentedTop<unknown>>>();

/**
 * The first `limit` rows of a cached top N, ranked (ties share a rank) and presented once per
 * cached top and limit, not once per request (issue 14: presenting the 50 entries for every
 * caller was the largest share of a board request's own CPU). A top read from Redis is a new
 * object on every read and is presented every time. Frozen: every caller's answer shares them.
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
  const presented = {
    owners: Object.freeze(rows.map(opts.owner)),
    entries: Object.freeze(rows.map((r, i) => Object.freeze(opts.present(r, ranks[i])))),
  };
  byLimit.set(opts.limit, presented);
  return presented;
}

/** The entries with the caller's own one (if on the board) copied with `mark` applied. */
export function withOwnEntry<Entry>(top: PresentedTop<Entry>, owner: unknown, mark: (e: Entry) => Entry): Entry[] {
  const at = owner === null || owner === undefined ? -1 : top.owners.indexOf(owner);
  const entries = top.entries.slice();
  if (at >= 0) entries[at] = mark(entries[at]);
  return entries;
}
