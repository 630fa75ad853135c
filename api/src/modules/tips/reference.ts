import { sql } from 'drizzle-orm';
import { db, type Db } from '../../db/client';
import { namedSql } from '../../db/prepared';
import { cstDate } from '../../lib/time';

/**
 * Numbers for new tips: the reference HY-YYYYMMDD-NNNN (Asia/Shanghai day) and the id of the
 * tip's first history entry. They are taken from the database in blocks — one round trip per
 * BLOCK submissions, from the day's own sequence (migration 0019, docs/architecture.md) — and
 * handed out from memory, so a submission needs no statement of its own for them and no row is
 * updated by every submission. Unique always; gaps where a process ends with part of a block
 * unused; with several instances, numbers of one day are not in submission order.
 */
const BLOCK = 50;

type Numbers = { reference: string; historyId: number };
type Block = { day: string; next: Numbers[] };

const takeBlock = namedSql<{ reference_no: string; history_id: string }>(
  'tip_numbers_block',
  'SELECT reference_no, history_id FROM hy_tip_numbers($1::date, $2::int)',
);

/** Per database handle (a test harness may open another database) and per day. */
const blocks = new WeakMap<Db, Map<string, Block>>();
const refills = new WeakMap<Db, Map<string, Promise<void>>>();

const format = (day: string, n: number) => `HY-${day.replaceAll('-', '')}-${String(n).padStart(4, '0')}`;

export async function nextTipNumbers(now = new Date()): Promise<Numbers> {
  const handle = db;
  const day = cstDate(now);
  let byDay = blocks.get(handle);
  if (!byDay) blocks.set(handle, (byDay = new Map()));
  for (;;) {
    const block = byDay.get(day);
    const numbers = block?.next.pop();
    if (numbers) return numbers;
    // One refill at a time per day: concurrent submissions wait for the same block.
    let pending = refills.get(handle);
    if (!pending) refills.set(handle, (pending = new Map()));
    let refill = pending.get(day);
    if (!refill) {
      refill = takeBlock([day, BLOCK])
        .then((rows) => {
          // Older days' blocks are of no more use once a newer day is asked for.
          for (const d of byDay.keys()) if (d < day) byDay.delete(d);
          const next = rows.map((r) => ({ reference: format(day, Number(r.reference_no)), historyId: Number(r.history_id) }));
          next.reverse();
          byDay.set(day, { day, next: [...next, ...(byDay.get(day)?.next ?? [])] });
        })
        .finally(() => pending.delete(day));
      pending.set(day, refill);
    }
    await refill;
  }
}

const DAY_MS = 86_400_000;
/** Sequences of days before this many days ago are dropped (a late submission would recreate one safely). */
const KEEP_DAYS = 2;

/**
 * Housekeeping: today's and tomorrow's sequences exist before the first submission of the day
 * needs one (creating it then would be DDL on that request), and older days' are dropped.
 */
export async function keepTipReferenceSequences(now: Date): Promise<{ dropped: number }> {
  for (const at of [now, new Date(now.getTime() + DAY_MS)])
    await db.execute(sql`SELECT hy_tip_reference_sequence(${cstDate(at)}::date)`);
  const oldest = `tip_ref_${cstDate(new Date(now.getTime() - KEEP_DAYS * DAY_MS)).replaceAll('-', '')}`;
  const old = await db.execute<{ name: string }>(sql`
    SELECT relname AS name FROM pg_class
    WHERE relkind = 'S' AND relnamespace = current_schema()::regnamespace
      AND relname ~ '^tip_ref_[0-9]{8}$' AND relname < ${oldest}`);
  for (const { name } of old.rows) await db.execute(sql`DROP SEQUENCE IF EXISTS ${sql.identifier(name)}`);
  return { dropped: old.rows.length };
}
