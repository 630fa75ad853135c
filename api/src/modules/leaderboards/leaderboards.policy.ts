/** Standard competition ranks over rows already in order: equal points share a rank (1, 2, 2, 4). */
export function competitionRanks<T>(rows: T[], score: (r: T) => number): number[] {
  const ranks: number[] = [];
  rows.forEach((r, i) => {
    ranks.push(i > 0 && score(rows[i - 1]) === score(r) ? ranks[i - 1] : i + 1);
  });
  return ranks;
}
