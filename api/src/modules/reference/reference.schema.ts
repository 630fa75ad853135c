import { z } from 'zod';

const id = (max: number) => z.coerce.number({ message: 'must be an id' }).int('must be an id').positive('must be an id').max(max, 'must be an id');

export const DistrictParam = z.object({ id: id(32767) });

export const DistrictCommunitiesQuery = z.strictObject({
  townshipId: id(2_147_483_647).optional(),
});
export type DistrictCommunitiesQuery = z.infer<typeof DistrictCommunitiesQuery>;

/** Search text: a Chinese name, pinyin (spaces and apostrophes ignored) or initials. */
export const CommunitySearchText = z.string().trim().max(40, 'must be at most 40 characters');

export const CommunitiesQuery = z.strictObject({
  districtId: id(32767).optional(),
  townshipId: id(2_147_483_647).optional(),
  q: CommunitySearchText.optional(),
  limit: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(20),
  cursor: z.string().max(200).optional(),
});
export type CommunitiesQuery = z.infer<typeof CommunitiesQuery>;
