/**
 * Small-count protection of the public figures (docs/statistics.md has the rules and why).
 *
 * A line is a city-wide count and the district counts it is the sum of. Published, the city
 * count minus the visible district counts gives the sum of the hidden ones, so hiding small
 * cells alone is not enough:
 * 1. a count below 5 (0 included) is shown as "<5";
 * 2. when the hidden cells of a line are all "<5" cells, the smallest visible cell is withheld
 *    too (shown as "withheld", known only to be 5 or more): the difference then never pins a
 *    "<5" cell to a value above zero;
 * 3. when every cell is below 5 but the city count is high enough to bound a cell away from
 *    zero (more than 4 × (cells − 1)), the whole district breakdown of the line is withheld;
 * 4. a city count below 5 is "<5" and so is every cell of its line.
 */
import { SMALL, WITHHELD, type PublicCount } from '@hy/schemas/stats';

export const THRESHOLD = 5;

export type Shown = PublicCount;

export function protectLine<K>(total: number, cells: { key: K; n: number }[]): { total: Shown; cells: { key: K; value: Shown }[] } {
  if (total < THRESHOLD) return { total: SMALL, cells: cells.map((c) => ({ key: c.key, value: SMALL })) };
  const small = cells.filter((c) => c.n < THRESHOLD);
  if (small.length === 0) return { total, cells: cells.map((c) => ({ key: c.key, value: c.n })) };
  const visible = cells.filter((c) => c.n >= THRESHOLD);
  if (visible.length === 0) {
    const canBoundACell = total > (THRESHOLD - 1) * (cells.length - 1);
    return { total, cells: cells.map((c) => ({ key: c.key, value: canBoundACell ? WITHHELD : SMALL })) };
  }
  const complement = visible.reduce((min, c) => (c.n < min.n ? c : min));
  return {
    total,
    cells: cells.map((c) => ({ key: c.key, value: c.n < THRESHOLD ? SMALL : c === complement ? WITHHELD : c.n })),
  };
}

/** A lone count (a sensitive category city-wide): "<5" below the threshold. */
export const protectCount = (n: number): Shown => (n < THRESHOLD ? SMALL : n);
