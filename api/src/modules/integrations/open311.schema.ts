import { z } from 'zod';
import { dateTime, plainText, singleLine } from '@hy/schemas/fields';
import { clock } from '../../lib/clock';
import { CATEGORY_IDS, CITY_BOUNDS } from '@hy/schemas/categories';

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
