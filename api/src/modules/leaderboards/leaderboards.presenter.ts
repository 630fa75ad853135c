import type { CommunityEntry, VolunteerEntry } from '@hy/schemas/leaderboards';

type CommunityName = { id: number; nameZh: string; nameEn: string };

/** A volunteer on a board: display name and points only (never phone, real name or user id). */
export function presentVolunteerEntry(r: { rank: number; displayName: string; points: number; community: CommunityName | null; isMe: boolean }): VolunteerEntry {
  return { rank: r.rank, displayName: r.displayName, points: r.points, community: r.community, isMe: r.isMe };
}

export function presentCommunityEntry(r: {
  rank: number;
  community: CommunityName & { districtId: number };
  points: number;
  memberCount: number;
  isMine: boolean;
}): CommunityEntry {
  return {
    rank: r.rank,
    community: r.community,
    points: r.points,
    memberCount: r.memberCount,
    pointsPerMember: r.memberCount > 0 ? Math.round((r.points / r.memberCount) * 100) / 100 : null,
    isMine: r.isMine,
  };
}
