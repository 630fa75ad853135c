import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { namedSql } from '../../db/prepared';
import { communities, media, tipHistory, tips } from '../../db/schema/index';
import type { Actor } from '../../http/actor';
import { forbidden, validationError } from '../../http/errors';
import { hashPassword } from '../auth/passwords';
import { finishedRecord, once, requestHash, storedReplay, type IdempotencyScope, type Replay } from '../idempotency/idempotency.service';
import { sha256OfFile } from '../media/images';
import { storePhotos, type StoredPhoto } from '../media/stored-photos';
import type { Upload } from '../media/upload';
import { districtExists } from '../reference/reference.service';
import { nextTipNumbers } from './reference';
import { presentTip } from './tips.presenter';
import type { CreateTip } from '@hy/schemas/tips';
import { queueChanged } from './queue-changes';

type TipRow = typeof tips.$inferSelect;
type HistoryRow = typeof tipHistory.$inferSelect;
type MediaRow = typeof media.$inferSelect;

/** 20 characters of Crockford base32: 100 bits, easy to read aloud and write down. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export function newAccessCode(): string {
  const bytes = randomBytes(20);
  let code = '';
  for (const b of bytes) code += CODE_ALPHABET[b & 31];
  return code.replace(/(.{5})(?=.)/g, '$1-');
}

/**
 * A volunteer's or an anonymous tipster's report. Photos (temp files of the upload) are checked
 * and re-encoded into temp files before anything is stored; those are renamed to their keys
 * before the database write, and removed again if it does not commit (or if it turns out to be a
 * replay), so nothing is ever half-written.
 */
export async function submitTip(opts: {
  actor: Actor | undefined;
  input: CreateTip;
  photos: Upload[];
  idempotencyKey: string | undefined;
  /** More rows of the same submission (e.g. how it arrived), written in the tip's transaction. */
  also?: (tx: DbOrTx, tipId: string) => Promise<void>;
}): Promise<Replay> {
  const { actor, input, photos } = opts;
  if (actor && actor.role !== 'volunteer') throw forbidden('Only volunteers report tips from an account');
  if (!(await districtExists(input.districtId)))
    throw validationError([{ field: 'districtId', message: 'no such district' }]);

  const hash = requestHash({
    input: { ...input, occurredAt: input.occurredAt.toISOString() },
    photos: photos.length ? await Promise.all(photos.map((p) => sha256OfFile(p.path))) : [],
  });

  const stored = photos.length ? await storePhotos(photos) : { photos: [], discard: async () => undefined };
  try {
    const tip = await newTip({ actor, input, photos: stored.photos });
    const scope: IdempotencyScope = actor ? { userId: actor.id } : { anonymous: true };
    const write = { ...tip, scope, key: opts.idempotencyKey, hash };
    const { replay, isNew } = opts.also ? await writeInTransaction({ ...write, also: opts.also }) : await writeInOneStatement(write);
    if (isNew) queueChanged(input.districtId);
    else await stored.discard();
    return replay;
  } catch (err) {
    await stored.discard();
    throw err;
  }
}

type NewTip = {
  row: TipRow;
  history: HistoryRow;
  media: MediaRow[];
  /** The answer to the submitter, built from the rows before they are written (no read-back). */
  result: Replay;
};

/**
 * Every value of the new rows is decided here — ids, reference, times — so the answer (and the
 * idempotency record that stores it) exists before the write, and the write needs nothing back.
 */
async function newTip(opts: { actor: Actor | undefined; input: CreateTip; photos: StoredPhoto[] }): Promise<NewTip> {
  const { actor, input } = opts;
  const now = new Date();
  const accessCode = actor ? undefined : newAccessCode();
  const [numbers, accessCodeHash] = await Promise.all([nextTipNumbers(now), accessCode ? hashPassword(accessCode) : null]);
  const id = randomUUID();
  const row: TipRow = {
    id,
    reference: numbers.reference,
    reporterId: actor?.id ?? null,
    isAnonymous: !actor,
    accessCodeHash,
    category: input.category,
    description: input.description,
    occurredAt: input.occurredAt,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    address: input.address ?? null,
    districtId: input.districtId,
    // Kept only if the community exists (checked inside the write); never shown to anyone here.
    communityId: actor?.communityId ?? null,
    status: 'submitted',
    priority: 'normal',
    priorityRank: 1,
    duplicateOfId: null,
    caseId: null,
    isDeliberateFalse: false,
    claimedById: null,
    claimExpiresAt: null,
    decidedById: null,
    decidedAt: null,
    decisionSeq: 0,
    verificationStatus: null,
    verificationDueAt: null,
    purgedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  const history: HistoryRow = {
    id: numbers.historyId,
    tipId: id,
    kind: 'status',
    fromStatus: null,
    toStatus: 'submitted',
    note: null,
    isVisibleToReporter: true,
    actorId: null,
    actorRole: 'reporter',
    details: null,
    createdAt: now,
  };
  const mediaRows: MediaRow[] = opts.photos.map((p, i) => ({
    id: randomUUID(),
    tipId: id,
    storageKey: p.storageKey,
    mimeType: p.mimeType,
    bytes: p.bytes,
    width: p.width,
    height: p.height,
    sha256: p.sha256,
    position: i,
    purgedAt: null,
    createdAt: now,
  }));
  const body = { tip: presentTip({ tip: row, media: mediaRows, history: [history], duplicateOf: null }, 'reporter'), ...(accessCode ? { accessCode } : {}) };
  return { row, history, media: mediaRows, result: { status: 201, body } };
}

type Write = NewTip & { scope: IdempotencyScope; key: string | undefined; hash: string };

/**
 * The common case in one round trip: the idempotency record (with the answer), the tip, its
 * photos and its first history entry in one statement — atomic on its own, so nothing is
 * half-written on a constraint, a lost connection or a crash. The record goes first: when the
 * key is already taken (a retry, or a concurrent duplicate, which waits here for the first to
 * commit) ON CONFLICT DO NOTHING leaves it and nothing else is written; the stored answer is then
 * read by a second statement (this statement's snapshot predates the other's commit).
 */
const insertSubmission = namedSql<{ created: number }>(
  'tip_submit',
  `WITH claim AS (
     INSERT INTO idempotency_keys (scope, key, request_hash, response_status, response_body, created_at)
     SELECT $1, $2, $3, $4::int, $5::jsonb, $18::timestamptz WHERE $2::text IS NOT NULL
     ON CONFLICT DO NOTHING
     RETURNING 1
   ), tip AS (
     INSERT INTO tips (id, reference, reporter_id, is_anonymous, access_code_hash, category, description,
                       occurred_at, lat, lng, address, district_id, community_id, created_at, updated_at)
     SELECT $6::uuid, $7, $8::uuid, $9::boolean, $10, $11, $12, $13::timestamptz, $14::float8, $15::float8, $16,
            $17::smallint, (SELECT c.id FROM communities c WHERE c.id = $19::int), $18::timestamptz, $18::timestamptz
     WHERE $2::text IS NULL OR EXISTS (SELECT 1 FROM claim)
     RETURNING id
   ), photos AS (
     INSERT INTO media (id, tip_id, storage_key, mime_type, bytes, width, height, sha256, position, created_at)
     SELECT m.id, tip.id, m.storage_key, m.mime_type, m.bytes, m.width, m.height, m.sha256, m.position, $18::timestamptz
     FROM tip, jsonb_to_recordset($20::jsonb) AS m(id uuid, storage_key text, mime_type text, bytes int, width int,
                                                   height int, sha256 text, position smallint)
   ), history AS (
     INSERT INTO tip_history (id, tip_id, kind, to_status, actor_role, created_at)
     SELECT $21::bigint, tip.id, 'status', 'submitted', 'reporter', $18::timestamptz FROM tip
   )
   SELECT count(*)::int AS created FROM tip`,
);

async function writeInOneStatement(w: Write): Promise<{ replay: Replay; isNew: boolean }> {
  const { row } = w;
  const record = w.key ? finishedRecord({ scope: w.scope, key: w.key, hash: w.hash, result: w.result }) : null;
  const photos = w.media.map((m) => ({
    id: m.id,
    storage_key: m.storageKey,
    mime_type: m.mimeType,
    bytes: m.bytes,
    width: m.width,
    height: m.height,
    sha256: m.sha256,
    position: m.position,
  }));
  const [{ created }] = await insertSubmission([
    record?.scope ?? null,
    record?.key ?? null,
    record?.requestHash ?? null,
    record?.responseStatus ?? null,
    record ? JSON.stringify(record.responseBody) : null,
    row.id,
    row.reference,
    row.reporterId,
    row.isAnonymous,
    row.accessCodeHash,
    row.category,
    row.description,
    row.occurredAt.toISOString(),
    row.lat,
    row.lng,
    row.address,
    row.districtId,
    row.createdAt.toISOString(),
    row.communityId,
    JSON.stringify(photos),
    w.history.id,
  ]);
  if (Number(created) === 1) return { replay: w.result, isNew: true };
  return { replay: await storedReplay({ scope: w.scope, key: w.key!, hash: w.hash }), isNew: false };
}

/**
 * With a caller's hook (`also`), the rows are written in a transaction so the hook's rows commit
 * with the tip: claim the key, insert, run the hook, store the answer (idempotency `once`).
 */
async function writeInTransaction(w: Write & { also: (tx: DbOrTx, tipId: string) => Promise<void> }): Promise<{ replay: Replay; isNew: boolean }> {
  const { row } = w;
  // The reporter's community from the token, kept only if it exists.
  const communityId =
    row.communityId != null ? sql<number | null>`(SELECT ${communities.id} FROM ${communities} WHERE ${communities.id} = ${row.communityId})` : null;
  let isNew = false;
  const replay = await once({ scope: w.scope, key: w.key, hash: w.hash }, async (tx) => {
    isNew = true;
    await tx.insert(tips).values({ ...row, communityId });
    if (w.media.length) await tx.insert(media).values(w.media);
    await tx.insert(tipHistory).values(w.history);
    await w.also(tx, row.id);
    return w.result;
  });
  return { replay, isNew };
}
