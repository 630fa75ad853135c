import { randomBytes } from 'node:crypto';
import { and, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { db } from '../../db/client';
import { open311Requests, tips, tipStatusEnum } from '../../db/schema/index';
import { badRequest, notFound } from '../../http/errors';
import { clock } from '../../lib/clock';
import { CATEGORIES, PUBLIC_CATEGORY_IDS, type CategoryId } from '@hy/schemas/categories';
import { listDistricts } from '../reference/reference.service';
import { submitTip } from '../tips/tips.service';
import { isOpen } from '../tips/transitions';
import type { z } from 'zod';
import type {
  Open311Created,
  Open311Post,
  Open311Query,
  Open311Request,
  Open311ServiceDefinition,
  Open311Services,
  Open311TokenAnswer,
} from '@hy/schemas/open311';

/** GeoReport v2 groups the services; the crimes, then what makes a place unsafe. */
const GROUP: Record<CategoryId, string> = {
  drugs: 'crime',
  gangs: 'crime',
  fraud: 'crime',
  illegal_fundraising: 'crime',
  theft_robbery: 'crime',
  fugitive: 'crime',
  cult: 'crime',
  public_order: 'safety',
  traffic: 'safety',
  safety_hazard: 'safety',
  other: 'other',
};

/** services.json: every category; each needs the district (a service definition attribute). */
export function listServices(): z.infer<typeof Open311Services> {
  return CATEGORIES.map((c) => ({
    service_code: c.id,
    service_name: c.nameZh,
    description: c.nameEn,
    metadata: true,
    type: 'realtime',
    keywords: `${c.nameZh}, ${c.nameEn}`,
    group: GROUP[c.id],
  }));
}

/** services/{code}.json: the district (required) and when it happened (optional; default now). */
export async function serviceDefinition(code: string): Promise<z.infer<typeof Open311ServiceDefinition>> {
  const category = CATEGORIES.find((c) => c.id === code);
  if (!category) throw notFound('Service');
  const districts = await listDistricts();
  return {
    service_code: category.id,
    attributes: [
      {
        variable: true,
        code: 'district',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: 'The district (区县) of Hengyang where it happens: its tip goes to that district’s police.',
        order: 1,
        description: '区县 District',
        values: districts.map((d) => ({ key: String(d.id), name: `${d.nameZh} ${d.nameEn}` })),
      },
      {
        variable: true,
        code: 'occurred_at',
        datatype: 'datetime',
        required: false,
        datatype_description: 'W3C date and time with a time zone; the time of the request when left out.',
        order: 2,
        description: '发生时间 When it happened',
      },
    ],
  };
}

/**
 * POST requests.json: an anonymous-style tip (nobody's account, no identity kept), recorded with
 * the key that sent it and a token, in the tip's own transaction.
 */
export async function createRequest(apiKeyId: string, input: Open311Post): Promise<z.infer<typeof Open311Created>> {
  const token = randomBytes(16).toString('base64url');
  const { body } = await submitTip({
    actor: undefined,
    input: {
      category: input.service_code,
      description: input.description,
      occurredAt: input['attribute[occurred_at]'] ?? clock.now(),
      lat: input.lat,
      lng: input.long,
      address: input.address_string,
      districtId: input['attribute[district]'],
    },
    photos: [],
    idempotencyKey: undefined,
    also: async (tx, tipId) => {
      await tx.insert(open311Requests).values({ tipId, apiKeyId, token, createdAt: clock.now() });
    },
  });
  const reference = (body as { tip: { reference: string } }).tip.reference;
  return [{ service_request_id: reference, token, service_notice: '衡阳警方将在工作时间内处理。The Hengyang police will look into it.' }];
}

/** Open311's two statuses: `open` while the police have not decided (the tips module's rule). */
type TipStatus = (typeof tipStatusEnum.enumValues)[number];
const OPEN: TipStatus[] = tipStatusEnum.enumValues.filter(isOpen);
const CLOSED: TipStatus[] = tipStatusEnum.enumValues.filter((s) => !isOpen(s));
const DEFAULT_DAYS = 90;
const MAX_REQUESTS = 1000;

/** To the hour, and to about 100 m: enough to see a pattern, too coarse to find a person. */
const hourOf = (d: Date) => new Date(Math.floor(d.getTime() / 3_600_000) * 3_600_000).toISOString().replace('.000Z', 'Z');
const rounded = (x: number | null) => (x === null ? undefined : Math.round(x * 1000) / 1000);
const NAME = new Map(CATEGORIES.map((c) => [c.id as string, c.nameZh]));

type PublicRow = Pick<typeof tips.$inferSelect, 'reference' | 'category' | 'status' | 'createdAt' | 'updatedAt' | 'lat' | 'lng'>;

/** A tip as the public may see it: no reporter, no text, no address, coarse place and time. */
function presentRequest(t: PublicRow): z.infer<typeof Open311Request> {
  return {
    service_request_id: t.reference,
    status: isOpen(t.status) ? 'open' : 'closed',
    service_name: NAME.get(t.category) ?? t.category,
    // The column holds only category ids (the submission schema admits nothing else).
    service_code: t.category as CategoryId,
    requested_datetime: hourOf(t.createdAt),
    updated_datetime: hourOf(t.updatedAt),
    ...(t.lat !== null && t.lng !== null ? { lat: rounded(t.lat), long: rounded(t.lng) } : {}),
  };
}

const publicColumns = {
  reference: tips.reference,
  category: tips.category,
  status: tips.status,
  createdAt: tips.createdAt,
  updatedAt: tips.updatedAt,
  lat: tips.lat,
  lng: tips.lng,
};

/** GET requests.json: the non-sensitive tips of the last 90 days (or the dates given), newest first. */
export async function listRequests(q: Open311Query): Promise<z.infer<typeof Open311Request>[]> {
  const isPublic = inArray(tips.category, PUBLIC_CATEGORY_IDS);
  if (q.service_request_id) {
    const rows = await db.select(publicColumns).from(tips).where(and(isPublic, inArray(tips.reference, q.service_request_id)));
    return rows.map(presentRequest);
  }
  const end = q.end_date ?? clock.now();
  const start = q.start_date ?? new Date(end.getTime() - DEFAULT_DAYS * 86_400_000);
  if (start.getTime() >= end.getTime()) throw badRequest('start_date must be before end_date');
  if (end.getTime() - start.getTime() > 366 * 86_400_000) throw badRequest('start_date and end_date may be at most a year apart');
  const statuses = q.status ? [...new Set(q.status.flatMap((s): TipStatus[] => (s === 'open' ? OPEN : CLOSED)))] : undefined;
  const where: (SQL | undefined)[] = [
    isPublic,
    q.service_code ? inArray(tips.category, q.service_code) : undefined,
    statuses ? inArray(tips.status, statuses) : undefined,
    gte(tips.createdAt, start),
    lt(tips.createdAt, end),
  ];
  const rows = await db
    .select(publicColumns)
    .from(tips)
    .where(and(...where))
    .orderBy(desc(tips.createdAt), desc(tips.id))
    .limit(MAX_REQUESTS);
  return rows.map(presentRequest);
}

/** GET requests/{id}.json: one non-sensitive tip, as a one-element list (the standard's shape). */
export async function getRequest(reference: string): Promise<z.infer<typeof Open311Request>[]> {
  const [row] = await db
    .select(publicColumns)
    .from(tips)
    .where(and(eq(tips.reference, reference), inArray(tips.category, PUBLIC_CATEGORY_IDS)));
  if (!row) throw notFound('Service request');
  return [presentRequest(row)];
}

/** GET tokens/{token}.json: the id of a request this endpoint created. */
export async function requestOfToken(token: string): Promise<z.infer<typeof Open311TokenAnswer>> {
  const [row] = await db
    .select({ reference: tips.reference })
    .from(open311Requests)
    .innerJoin(tips, eq(tips.id, open311Requests.tipId))
    .where(eq(open311Requests.token, token));
  if (!row) throw notFound('Token');
  return [{ service_request_id: row.reference, token }];
}
