import type { Community, Township } from '@hy/schemas/reference';
import type { communities, townships } from '../../db/schema/index';

type CommunityRow = Pick<typeof communities.$inferSelect, 'id' | 'code' | 'districtId' | 'townshipId' | 'nameZh' | 'nameEn'>;
type TownshipRow = Pick<typeof townships.$inferSelect, 'id' | 'code' | 'districtId' | 'nameZh' | 'nameEn'>;

export const presentCommunity = (c: CommunityRow): Community => ({
  id: c.id,
  code: c.code,
  districtId: c.districtId,
  townshipId: c.townshipId,
  nameZh: c.nameZh,
  nameEn: c.nameEn,
});

export const presentTownship = (t: TownshipRow): Township => ({ id: t.id, code: t.code, districtId: t.districtId, nameZh: t.nameZh, nameEn: t.nameEn });
