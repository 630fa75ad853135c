import { z } from 'zod';
import { dateTime, plainText, singleLine } from './fields';
import { clock } from './clock';
import { CATEGORY_IDS, CITY_BOUNDS } from './categories';

/** Our jurisdiction_id (GeoReport v2 "Definitions"): optional, since this endpoint serves one city. */
export const JURISDICTION_ID = 'hengyang.gov.cn';

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const coordinate = (min: number, max: number) =>
  optional(z.coerce.number({ message: 'must be a number' }).min(min, 'is outside Hengyang').max(max, 'is outside Hengyang'));
const jurisdiction = optional(z.literal(JURISDICTION_ID, { message: `this endpoint serves ${JURISDICTION_ID} only` }));

/**
 * POST requests.json, form-encoded as the standard says. The reporter's own fields (email, names,
 * phone, device and account ids) are accepted and dropped: an Open311 tip is anonymous-style, and
 * media_url is not fetched (no requests to addresses a client names).
 */
export const Open311Post = z
  .strictObject({
    api_key: optional(z.string().max(200)),
    jurisdiction_id: jurisdiction,
    service_code: z.enum(CATEGORY_IDS, { message: 'is not one of services.json' }),
    lat: coordinate(CITY_BOUNDS.minLat, CITY_BOUNDS.maxLat),
    long: coordinate(CITY_BOUNDS.minLng, CITY_BOUNDS.maxLng),
    address_string: optional(singleLine({ min: 2, max: 300 })),
    address_id: optional(z.string().max(100)),
    description: plainText({ min: 10, max: 4000 }),
    'attribute[district]': z.coerce.number({ message: 'is required (see services/{code}.json)' }).int().min(1).max(32767),
    'attribute[occurred_at]': optional(dateTime().refine((d) => d.getTime() <= clock.nowMs() + 5 * 60_000, 'must not be in the future')),
    email: optional(z.string().max(320)),
    device_id: optional(z.string().max(200)),
    account_id: optional(z.string().max(200)),
    first_name: optional(z.string().max(200)),
    last_name: optional(z.string().max(200)),
    phone: optional(z.string().max(50)),
    media_url: optional(z.string().max(2000)),
  })
  .superRefine((t, ctx) => {
    if ((t.lat === undefined) !== (t.long === undefined))
      ctx.addIssue({ code: 'custom', path: [t.lat === undefined ? 'lat' : 'long'], message: 'lat and long go together' });
    if (t.lat === undefined && !t.address_string)
      ctx.addIssue({ code: 'custom', path: ['address_string'], message: 'give lat and long or an address_string' });
  });
export type Open311Post = z.infer<typeof Open311Post>;

const commaList = <T extends z.ZodType<unknown, string>>(item: T, max: number) =>
  optional(
    z
      .string()
      .max(4000)
      .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
      .pipe(z.array(item).min(1).max(max)),
  );

/** GET requests.json: by ids (the others are then ignored, as the standard says) or by code, dates and status. */
export const Open311Query = z.strictObject({
  jurisdiction_id: jurisdiction,
  service_request_id: commaList(z.string().regex(/^HY-\d{8}-\d{4,}$/, 'is not a service_request_id'), 100),
  service_code: commaList(z.enum(CATEGORY_IDS, { message: 'is not one of services.json' }), CATEGORY_IDS.length),
  status: commaList(z.enum(['open', 'closed'], { message: 'must be open or closed' }), 2),
  start_date: optional(dateTime()),
  end_date: optional(dateTime()),
});
export type Open311Query = z.infer<typeof Open311Query>;

export const Open311Jurisdiction = z.object({ jurisdiction_id: jurisdiction }).passthrough();

// ---- Answers (GeoReport v2, JSON). api/test/open311.test.ts also validates every answer against
// the standard's own JSON Schemas (api/test/fixtures/open311); these say the same, stricter: only
// the fields we send, so a field that could point at a tipster cannot slip into a public answer.

/** A GeoReport date-time: ISO 8601 with a time zone (we send UTC to the hour for requests). */
const instant = z.string().meta({ format: 'date-time' });

export const Open311Discovery = z
  .strictObject({
    changeset: instant,
    contact: z.string(),
    key_service: z.string(),
    endpoints: z
      .array(
        z.strictObject({
          specification: z.literal('http://wiki.open311.org/GeoReport_v2'),
          url: z.string(),
          changeset: instant,
          type: z.enum(['production', 'test']),
          formats: z.array(z.enum(['application/json', 'text/xml'])).min(1),
        }),
      )
      .min(1),
  })
  .meta({ id: 'Open311Discovery' });

export const Open311Service = z
  .strictObject({
    service_code: z.enum(CATEGORY_IDS),
    service_name: z.string().min(1),
    description: z.string(),
    metadata: z.boolean(),
    type: z.enum(['realtime', 'batch', 'blackbox']),
    keywords: z.string().meta({ description: 'comma separated' }),
    group: z.string(),
  })
  .meta({ id: 'Open311Service' });
export const Open311Services = z.array(Open311Service).meta({ id: 'Open311Services' });

export const Open311ServiceDefinition = z
  .strictObject({
    service_code: z.enum(CATEGORY_IDS),
    attributes: z.array(
      z.strictObject({
        variable: z.boolean(),
        code: z.string(),
        datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
        required: z.boolean(),
        datatype_description: z.string().nullable(),
        order: z.number().int().min(1),
        description: z.string(),
        values: z.array(z.strictObject({ key: z.string(), name: z.string() })).min(1).optional(),
      }),
    ),
  })
  .meta({ id: 'Open311ServiceDefinition' });

/** POST requests.json: one element, the reference and the token (no account: the tip is anonymous-style). */
export const Open311Created = z
  .array(z.strictObject({ service_request_id: z.string().min(1), token: z.string().min(1), service_notice: z.string() }))
  .length(1)
  .meta({ id: 'Open311Created' });

/** A tip as the public may see it: no reporter, no text, no address, the hour and about 100 m. */
export const Open311Request = z
  .strictObject({
    service_request_id: z.string(),
    status: z.enum(['open', 'closed']),
    service_name: z.string(),
    service_code: z.enum(CATEGORY_IDS),
    requested_datetime: instant,
    updated_datetime: instant,
    lat: z.number().min(-90).max(90).optional().meta({ description: 'Rounded to 3 decimals' }),
    long: z.number().min(-180).max(180).optional().meta({ description: 'Rounded to 3 decimals' }),
  })
  .meta({ id: 'Open311Request' });
export const Open311Requests = z.array(Open311Request).meta({ id: 'Open311Requests' });

export const Open311TokenAnswer = z
  .array(z.strictObject({ service_request_id: z.string(), token: z.string() }))
  .length(1)
  .meta({ id: 'Open311TokenAnswer' });
