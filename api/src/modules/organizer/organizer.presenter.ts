import { iso } from '@hy/schemas/answers';
import type { ManagedCommunity, Member } from '@hy/schemas/organizer';
import type { communities } from '../../db/schema/index';

/** Only communities of the real geography (with a division code) are managed on the dashboard. */
type CommunityRow = typeof communities.$inferSelect & { code: string };

export function presentManagedCommunity(c: CommunityRow, points: { week: number; month: number; all: number }): ManagedCommunity {
  return { id: c.id, code: c.code, districtId: c.districtId, townshipId: c.townshipId, nameZh: c.nameZh, nameEn: c.nameEn, memberCount: c.memberCount, points };
}

/** A member as their organizer sees them: display name, join date, points — never phone or real name. */
export function presentMember(m: {
  displayName: string;
  createdAt: Date;
  balance: number;
  earned: number | null;
  community: { id: number; nameZh: string; nameEn: string } | null;
}): Member {
  return { displayName: m.displayName, joinedAt: iso(m.createdAt), balance: m.balance, pointsEarned: m.earned ?? 0, community: m.community };
}
