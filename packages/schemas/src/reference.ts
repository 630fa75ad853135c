import { z } from 'zod';
import { CATEGORY_IDS } from './categories';
import { nextCursor } from './answers';

/** Reference data (api/src/modules/reference): districts, townships, communities and categories. */

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

/** Answers. */

const divisionCode = z.string().meta({ description: 'Administrative division code (GB/T 2260 and its 12-digit extension)' });

export const Category = z.strictObject({ id: z.enum(CATEGORY_IDS), nameZh: z.string(), nameEn: z.string() }).meta({ id: 'Category' });
export type Category = z.infer<typeof Category>;

export const District = z.strictObject({ id: z.number().int(), code: divisionCode, nameZh: z.string(), nameEn: z.string() }).meta({ id: 'District' });
export type District = z.infer<typeof District>;

/** A township (乡镇/街道) of a district. */
export const Township = z
  .strictObject({ id: z.number().int(), code: divisionCode, districtId: z.number().int(), nameZh: z.string(), nameEn: z.string() })
  .meta({ id: 'Township' });
export type Township = z.infer<typeof Township>;

/** A village or community (村/社区) with its 12-digit division code. */
export const Community = z
  .strictObject({
    id: z.number().int(),
    /** Null only on a row from before the real geography, until it is migrated at start. */
    code: divisionCode.nullable(),
    districtId: z.number().int(),
    townshipId: z.number().int().nullable(),
    nameZh: z.string(),
    nameEn: z.string(),
  })
  .meta({ id: 'Community' });
export type Community = z.infer<typeof Community>;

export const CategoryList = z.strictObject({ categories: z.array(Category) }).meta({ id: 'CategoryList' });
export type CategoryList = z.infer<typeof CategoryList>;
export const DistrictList = z.strictObject({ districts: z.array(District) }).meta({ id: 'DistrictList' });
export type DistrictList = z.infer<typeof DistrictList>;
export const TownshipList = z.strictObject({ townships: z.array(Township) }).meta({ id: 'TownshipList' });
export type TownshipList = z.infer<typeof TownshipList>;
export const CommunityList = z.strictObject({ communities: z.array(Community) }).meta({ id: 'CommunityList' });
export type CommunityList = z.infer<typeof CommunityList>;
export const CommunitiesPage = z.strictObject({ communities: z.array(Community), nextCursor }).meta({ id: 'CommunitiesPage' });
export type CommunitiesPage = z.infer<typeof CommunitiesPage>;
