import { z } from 'zod';
import { dateTime, plainText, singleLine, Uuid } from './fields';
import { clock } from './clock';
import { CATEGORY_IDS, CITY_BOUNDS } from './categories';
import { ADDRESS_LENGTH, DESCRIPTION_LENGTH } from './tip-rules';

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const optionalNumber = (min: number, max: number, label: string) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: 'must be a number' })
      .min(min, `is outside Hengyang (${label} ${min}–${max})`)
      .max(max, `is outside Hengyang (${label} ${min}–${max})`)
      .optional(),
  );

/** Clock skew a phone may have before "in the future" is refused. */
const FUTURE_SKEW_MS = 5 * 60_000;

/** The same rules for multipart (all strings) and JSON bodies. */
export const CreateTip = z
  .strictObject({
    category: z.enum(CATEGORY_IDS, { message: `must be one of ${CATEGORY_IDS.join(', ')}` }),
    description: plainText(DESCRIPTION_LENGTH),
    occurredAt: dateTime()
      .refine((d) => d.getTime() <= clock.nowMs() + FUTURE_SKEW_MS, 'must not be in the future')
      .refine((d) => d.getTime() >= clock.nowMs() - 10 * 365 * 86_400_000, 'is more than 10 years ago'),
    lat: optionalNumber(CITY_BOUNDS.minLat, CITY_BOUNDS.maxLat, 'latitude'),
    lng: optionalNumber(CITY_BOUNDS.minLng, CITY_BOUNDS.maxLng, 'longitude'),
    address: z.preprocess(emptyToUndefined, singleLine(ADDRESS_LENGTH).optional()),
    districtId: z.coerce.number({ message: 'is required' }).int().positive().max(32767),
  })
  .superRefine((t, ctx) => {
    if ((t.lat === undefined) !== (t.lng === undefined))
      ctx.addIssue({ code: 'custom', path: [t.lat === undefined ? 'lat' : 'lng'], message: 'lat and lng go together' });
    if (t.lat === undefined && !t.address)
      ctx.addIssue({ code: 'custom', path: ['address'], message: 'give a location or an address' });
  });
export type CreateTip = z.infer<typeof CreateTip>;

export const MineQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type MineQuery = z.infer<typeof MineQuery>;

export const MediaParams = z.object({ id: Uuid, mediaId: Uuid });
