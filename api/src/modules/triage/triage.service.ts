import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gte, ilike, isNotNull, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { db } from '../../db/client';
import { prepared } from '../../db/prepared';
import { media, tips, users } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { notFound } from '../../http/errors';
import { clock } from '../../lib/clock';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import { escapeLike } from '../../lib/like';
import { actingDistrict } from '../cases/cases.service';
import { loadBundles } from '../tips/tips.service';
import { tipsVisibleTo, tipsVisibleToShape } from '../tips/tips.policy';
import { presentTip } from '../tips/tips.presenter';
import { PRIORITY_RANK } from '../tips/transitions';
import { queueVersion } from '../tips/queue-changes';
import { distanceMetresSql, isClaimedBySql, isUnclaimedSql, verificationFilterSql } from './triage.policy';
import {
  presentDuplicate,
  presentQueueRow,
  presentReporterRecord,
  type DuplicateRow,
  type QueueRow,
  type ReporterRecordCounts,
} from './triage.presenter';
import { QueueCursor, type QueueQuery } from '@hy/schemas/triage';

type TipRow = typeof tips.$inferSelect;
type TipStatus = TipRow['status'];

/** Duplicate suggestions: same category, this close, this near in time, this similar in text. */
const DUPLICATE_RADIUS_M = 500;
const DUPLICATE_WINDOW_DAYS = 3;
const DUPLICATE_MIN_SIMILARITY = 0.2;
const ADDRESS_MIN_SIMILARITY = 0.3;

/**
 * Queue order exactly as tips_queue_idx stores it: drizzle wrote the index as `priority_rank DESC
 * NULLS LAST`, and PostgreSQL only walks an index for ORDER BY when the NULLS placement matches
 * too (plain DESC means NULLS FIRST), even for a NOT NULL column — otherwise it sorts every row.
 */
export const QUEUE_ORDER = [sql`${tips.priorityRank} DESC NULLS LAST`, asc(tips.createdAt), asc(tips.id)];

const queueColumns = {
  id: tips.id,
  reference: tips.reference,
  category: tips.category,
  excerpt: sql<string>`left(${tips.description}, 200)`,
  address: tips.address,
  districtId: tips.districtId,
  status: tips.status,
  priority: tips.priority,
  priorityRank: tips.priorityRank,
  isAnonymous: tips.isAnonymous,
  occurredAt: tips.occurredAt,
  createdAt: tips.createdAt,
  claimedById: tips.claimedById,
  claimExpiresAt: tips.claimExpiresAt,
  caseId: tips.caseId,
  verificationStatus: tips.verificationStatus,
  verificationDueAt: tips.verificationDueAt,
  photoCount: sql<number>`(SELECT count(*)::int FROM ${media} WHERE ${media.tipId} = ${tips.id} AND ${media.purgedAt} IS NULL)`,
};

const claimerNamesOf = prepared('queue_claimer_names', (db, name) =>
  db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(sql`${users.id} = ANY(${sql.placeholder('ids')}::uuid[])`)
    .prepare(name),
);

async function claimerNames(rows: { claimedById: string | null }[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.claimedById).filter((x): x is string => x !== null))];
  if (!ids.length) return new Map();
  const found = await claimerNamesOf().execute({ ids });
  return new Map(found.map((u) => [u.id, u.displayName]));
}

const ph = sql.placeholder;

/**
 * One queue request's filters as a *shape* (which filters are present, which key page) and the
 * values for it. Each shape is one prepared statement (db/prepared), built the first time it is
 * asked for: the SQL text of a shape never changes, only the values, so PostgreSQL parses and
 * plans it once per connection. The shapes an officer meets are few (status alone, with a
 * category, with a priority; first or next page).
 */
type QueueFilters = { key: string; where: (SQL | undefined)[]; values: Record<string, unknown> };

function queueFilters(actor: Actor, q: QueueQuery, districtId: number | undefined, now: Date): QueueFilters {
  const key: string[] = [];
  const where: (SQL | undefined)[] = [];
  const values: Record<string, unknown> = {};
  const add = (part: string, condition: SQL | undefined, v: Record<string, unknown> = {}) => {
    key.push(part);
    where.push(condition);
    Object.assign(values, v);
  };
  const visible = tipsVisibleToShape(actor);
  add(visible.shape, visible.where, visible.values);
  if (districtId !== undefined) add('d', eq(tips.districtId, ph('districtId')), { districtId });
  if (q.category) add('cat', eq(tips.category, ph('category')), { category: q.category });
  if (q.priority) add('pri', eq(tips.priorityRank, ph('priorityRank')), { priorityRank: PRIORITY_RANK[q.priority] });
  if (q.from) add('from', gte(tips.createdAt, ph('from')), { from: q.from });
  if (q.to) add('to', lt(tips.createdAt, ph('to')), { to: q.to });
  if (q.q) add('text', or(ilike(tips.description, ph('text')), ilike(tips.address, ph('text'))), { text: `%${escapeLike(q.q)}%` });
  if (q.claim === 'mine') add('mine', isClaimedBySql(ph('me'), ph('now')), { me: actor.id, now });
  if (q.claim === 'unclaimed') add('unclaimed', isUnclaimedSql(ph('now')), { now });
  if (q.verification) add(`ver_${q.verification}`, verificationFilterSql(q.verification, ph('now')), { now });
  return { key: key.join('_'), where, values };
}

type QueuePage = 'first' | 'band' | 'lower';

/** A statement name PostgreSQL keeps whole (names are cut at 63 bytes, so two long shapes could meet). */
function shapeName(prefix: string, key: string): string {
  const name = `${prefix}_${key}`;
  return name.length <= 63 ? name : `${prefix}_${createHash('sha256').update(key).digest('hex').slice(0, 20)}`;
}
const queuePages = new Map<string, () => { execute(values: Record<string, unknown>): Promise<QueueRow[]> }>();

/** The page statement of a shape: the first page, the rest of the cursor's priority band, or the bands below it. */
function queuePage(filters: QueueFilters, page: QueuePage) {
  const name = shapeName('queue_page', `${filters.key}_${page}`);
  let statement = queuePages.get(name);
  if (!statement) {
    const keyset =
      page === 'band'
        ? and(eq(tips.priorityRank, ph('afterRank')), sql`(${tips.createdAt}, ${tips.id}) > (${ph('afterTime')}::timestamptz, ${ph('afterId')}::uuid)`)
        : page === 'lower'
          ? lt(tips.priorityRank, ph('afterRank'))
          : undefined;
    statement = prepared(name, (db, n) =>
      db
        .select(queueColumns)
        .from(tips)
        .where(and(...filters.where, eq(tips.status, ph('status')), keyset))
        .orderBy(...QUEUE_ORDER)
        .limit(ph('limit'))
        .prepare(n),
    );
    queuePages.set(name, statement);
  }
  return statement();
}

/**
 * The triage queue: highest priority first, then oldest. Keyset pages on
 * (priority_rank desc, created_at, id): the rest of the cursor's priority band, then the lower
 * bands. Each part is a plain range scan of tips_queue_idx (district, status, rank desc,
 * created_at, id) — or tips_queue_category_idx with a category — so a deep page costs what the
 * first does — no OFFSET, no OR across bands. Every statement is prepared (one per filter shape).
 * Counts per status (for the header tabs) come with the first page only, capped (see statusCounts).
 */
export async function listQueue(actor: Actor, q: QueueQuery) {
  const districtId = actingDistrict(actor, q.districtId);
  const after = decodeCursor(QueueCursor, q.cursor);
  const now = clock.now();
  const filters = queueFilters(actor, q, districtId, now);
  const want = q.limit + 1;
  const values = { ...filters.values, status: q.status, limit: want };
  // Counted only when every filter is a leading column of tips_queue_idx / tips_queue_category_idx
  // (district, status, category, rank), so each count is a bounded index range. Free text and
  // claims are in no btree and a date range sits behind the rank: counting those could read the
  // whole district's history (5–25 ms for 7 days at 2M tips, seconds for rare text).
  const isCountable = !after && !q.q && !q.claim && !q.from && !q.to;
  let rows: QueueRow[];
  let counted: Awaited<ReturnType<typeof statusCounts>> | null = null;
  if (!after) {
    // The page and the header counts are independent reads: on the pool they run side by side.
    [rows, counted] = await Promise.all([queuePage(filters, 'first').execute(values), isCountable ? keptStatusCounts(filters, districtId) : null]);
  } else {
    const cursor = { afterRank: after.r, afterTime: new Date(after.t), afterId: after.id };
    rows = await queuePage(filters, 'band').execute({ ...values, ...cursor });
    if (rows.length < want && after.r > 0)
      rows = rows.concat(await queuePage(filters, 'lower').execute({ ...values, ...cursor, limit: want - rows.length }));
  }

  const shown = rows.slice(0, q.limit);
  const last = shown.at(-1);
  const names = await claimerNames(shown);
  return {
    tips: shown.map((r) => presentQueueRow(r, actor, names, now)),
    nextCursor:
      rows.length > q.limit && last ? encodeCursor({ r: last.priorityRank, t: last.createdAt.toISOString(), id: last.id }) : null,
    counts: counted?.counts ?? null,
    countsCapped: counted?.capped ?? [],
  };
}

/** How long one filter's header counts are served again while no change is seen here (docs/api.md). */
export const COUNTS_TTL_MS = 2_000;
/** Filters whose counts are kept at most (districts × statuses × categories × priorities: a few thousand). */
const MAX_KEPT_COUNTS = 10_000;
type StatusCounts = Awaited<ReturnType<typeof statusCounts>>;
const keptCounts = new Map<string, { version: number; at: number; counts: Promise<StatusCounts> }>();

/** Tests: what was kept described rows since removed. */
export function forgetQueueCounts(): void {
  keptCounts.clear();
}

/**
 * The header counts of a first page, kept COUNTS_TTL_MS per filter and shared by every officer who
 * asks meanwhile: the first page is the queue's most frequent request, and its counts were most of
 * its cost — five index ranges whose entries a claim has just touched (issue 14). A submission,
 * decision, transfer or reversal in the district made through this process drops them at once
 * (tips/queue-changes.ts); one made through another instance shows within COUNTS_TTL_MS.
 */
function keptStatusCounts(filters: QueueFilters, districtId: number | undefined): Promise<StatusCounts> {
  const key = `${filters.key}|${JSON.stringify(filters.values)}`;
  const version = queueVersion(districtId);
  const now = clock.nowMs();
  const kept = keptCounts.get(key);
  if (kept && kept.version === version && now >= kept.at && now - kept.at < COUNTS_TTL_MS) return kept.counts;
  const entry = { version, at: now, counts: statusCounts(filters) };
  if (keptCounts.size >= MAX_KEPT_COUNTS) keptCounts.clear();
  keptCounts.set(key, entry);
  // A failed read is not kept: the next request reads again.
  entry.counts.catch(() => {
    if (keptCounts.get(key) === entry) keptCounts.delete(key);
  });
  return entry.counts;
}

/** Header counts stop here: "1000+" tells an officer as much as 151,354 and costs 1/150th. */
export const COUNT_CAP = 1000;

const STATUSES: readonly TipStatus[] = ['submitted', 'needs_info', 'valid', 'invalid', 'duplicate'];
const queueCounts = new Map<string, () => { execute(values: Record<string, unknown>): Promise<Record<TipStatus, number>[]> }>();

/**
 * Tips per status for the header tabs, each counted only up to COUNT_CAP (+1 to know it was
 * reached): one statement, five index-only range scans of at most 1,001 entries each, instead
 * of reading every tip of the district's history. Exact below the cap when read (no counter rows
 * to keep in step, no hot row for every submission; kept briefly: keptStatusCounts); statuses that reach the cap
 * are listed in `capped` and their count is a lower bound. Prepared per filter shape; the
 * statuses and the cap are constants of the text, so even a generic plan knows each range.
 */
async function statusCounts(filters: QueueFilters): Promise<{ counts: Record<TipStatus, number>; capped: TipStatus[] }> {
  const name = shapeName('queue_counts', filters.key);
  let statement = queueCounts.get(name);
  if (!statement) {
    const bounded = (status: TipStatus) =>
      sql`(SELECT count(*)::int FROM (SELECT 1 FROM ${tips} WHERE ${and(...filters.where, sql`${tips.status} = ${sql.raw(`'${status}'`)}`)} LIMIT ${sql.raw(String(COUNT_CAP + 1))}) AS t)`;
    statement = prepared(name, (db, n) =>
      db
        .select(Object.fromEntries(STATUSES.map((s) => [s, sql<number>`${bounded(s)}`.mapWith(Number)])) as Record<TipStatus, SQL<number>>)
        .from(sql`(SELECT 1) AS one`)
        .prepare(n),
    );
    queueCounts.set(name, statement);
  }
  const [row] = await statement().execute(filters.values);
  const counts = { submitted: 0, needs_info: 0, valid: 0, invalid: 0, duplicate: 0 };
  const capped: TipStatus[] = [];
  for (const status of STATUSES) {
    const n = Number(row[status]);
    counts[status] = Math.min(n, COUNT_CAP);
    if (n > COUNT_CAP) capped.push(status);
  }
  return { counts, capped };
}

/** Loaded after the transaction commits: its bundle queries run in parallel on the pool. */
export async function viewForPolice(actor: Actor, tip: TipRow | null) {
  if (!tip) return null;
  const [bundle] = await loadBundles(db, [tip]);
  return presentTip(bundle, 'police', actor);
}

async function getVisibleTip(actor: Actor, id: string): Promise<TipRow> {
  const [tip] = await db.select().from(tips).where(and(eq(tips.id, id), tipsVisibleTo(actor)));
  if (!tip) throw notFound('Tip');
  return tip;
}

/**
 * Likely duplicates of a tip: same district and category, within a few days, close by (or with a
 * similar address when coordinates are missing), and with similar text (pg_trgm similarity).
 */
export async function suggestDuplicates(actor: Actor, id: string) {
  const tip = await getVisibleTip(actor, id);
  const windowMs = DUPLICATE_WINDOW_DAYS * 86_400_000;
  const addressSimilar = tip.address
    ? and(isNotNull(tips.address), sql`similarity(${tips.address}, ${tip.address}) >= ${ADDRESS_MIN_SIMILARITY}`)
    : sql`false`;
  const hasCoords = tip.lat !== null && tip.lng !== null;
  const distance = hasCoords ? distanceMetresSql(tip.lat!, tip.lng!) : null;
  const near = distance
    ? or(and(isNotNull(tips.lat), isNotNull(tips.lng), sql`${distance} <= ${DUPLICATE_RADIUS_M}`), and(isNull(tips.lat), addressSimilar))
    : addressSimilar;
  const similarity = sql<number>`similarity(${tips.description}, ${tip.description})`;
  const rows: DuplicateRow[] = await db
    .select({
      id: tips.id,
      reference: tips.reference,
      status: tips.status,
      category: tips.category,
      excerpt: sql<string>`left(${tips.description}, 200)`,
      address: tips.address,
      createdAt: tips.createdAt,
      caseId: tips.caseId,
      similarity,
      distanceMetres: distance ? sql<number | null>`CASE WHEN ${tips.lat} IS NULL THEN NULL ELSE ${distance} END` : sql<null>`NULL`,
    })
    .from(tips)
    .where(
      and(
        tipsVisibleTo(actor),
        eq(tips.districtId, tip.districtId),
        eq(tips.category, tip.category),
        sql`${tips.createdAt} BETWEEN ${new Date(tip.createdAt.getTime() - windowMs)} AND ${new Date(tip.createdAt.getTime() + windowMs)}`,
        ne(tips.id, tip.id),
        // Suggest originals: a tip already marked duplicate points at its original, which is listed itself.
        ne(tips.status, 'duplicate'),
        near,
        sql`${similarity} >= ${DUPLICATE_MIN_SIMILARITY}`,
      ),
    )
    .orderBy(desc(similarity), asc(tips.createdAt))
    .limit(5);
  return { suggestions: rows.map(presentDuplicate) };
}

/** How the reporter's other tips were judged: counts only, nothing that names them. */
export async function reporterRecord(actor: Actor, id: string) {
  const tip = await getVisibleTip(actor, id);
  if (tip.reporterId === null) return presentReporterRecord(true, null);
  const [r] = await db
    .select({
      total: sql<number>`count(*)::int`,
      valid: sql<number>`count(*) FILTER (WHERE ${tips.status} = 'valid')::int`,
      invalid: sql<number>`count(*) FILTER (WHERE ${tips.status} = 'invalid')::int`,
      duplicate: sql<number>`count(*) FILTER (WHERE ${tips.status} = 'duplicate')::int`,
      falseReports: sql<number>`count(*) FILTER (WHERE ${tips.isDeliberateFalse})::int`,
    })
    .from(tips)
    .where(and(eq(tips.reporterId, tip.reporterId), ne(tips.id, tip.id)));
  const record: ReporterRecordCounts = {
    total: Number(r.total),
    valid: Number(r.valid),
    invalid: Number(r.invalid),
    duplicate: Number(r.duplicate),
    falseReports: Number(r.falseReports),
  };
  return presentReporterRecord(false, record);
}
