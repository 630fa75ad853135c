import { iso } from '@hy/schemas/answers';
import { CAMPAIGN_RULES } from '@hy/schemas/campaign-rules';
import type { AttendanceLine, Campaign as CampaignView, CampaignStatus, Participation as ParticipationView } from '@hy/schemas/campaigns';
import type { campaignParticipants, campaigns } from '../../db/schema/index';

type Campaign = typeof campaigns.$inferSelect;
type Participation = typeof campaignParticipants.$inferSelect;
type Named = { id: number; nameZh: string; nameEn: string };

export type CampaignRow = {
  campaign: Campaign;
  community: Named | null;
  district: Named;
  creator: { displayName: string };
  mine: Participation | null;
};

export function statusAt(c: Pick<Campaign, 'startsAt' | 'endsAt'>, now: Date): CampaignStatus {
  if (now.getTime() < c.startsAt.getTime()) return 'upcoming';
  return now.getTime() < c.endsAt.getTime() ? 'active' : 'past';
}

/** Minutes attended: from check-in (at the earliest the start) to check-out or now (at the latest the end). */
export function minutesAttended(c: Pick<Campaign, 'startsAt' | 'endsAt'>, checkedInAt: Date, until: Date): number {
  const from = Math.max(checkedInAt.getTime(), c.startsAt.getTime());
  const to = Math.min(until.getTime(), c.endsAt.getTime());
  return Math.max(0, Math.floor((to - from) / 60_000));
}

/** What the caller did in a campaign (null when they have not joined). */
export function presentParticipation(c: Campaign, p: Participation, now: Date): ParticipationView {
  return {
    joinedAt: iso(p.joinedAt),
    checkedInAt: iso(p.checkedInAt),
    checkedOutAt: iso(p.checkedOutAt),
    minutes: p.minutes ?? (p.checkedInAt ? minutesAttended(c, p.checkedInAt, now) : 0),
    pointsAwarded: p.pointsAwarded,
  };
}

/** A campaign as any signed-in user sees it; positions of volunteers are never part of it. */
export function presentCampaign(r: CampaignRow, now: Date): CampaignView {
  const c = r.campaign;
  const mine = r.mine ? presentParticipation(c, r.mine, now) : null;
  return {
    id: c.id,
    title: c.title,
    kind: c.kind,
    description: c.description,
    status: statusAt(c, now),
    startsAt: iso(c.startsAt),
    endsAt: iso(c.endsAt),
    checkInOpensAt: iso(new Date(c.startsAt.getTime() - CAMPAIGN_RULES.checkInOpensBeforeMs)),
    place: { lat: c.lat, lng: c.lng, radiusM: c.radiusM, address: c.address },
    district: r.district,
    community: r.community,
    capacity: c.capacity,
    joinedCount: c.joinedCount,
    isFull: c.capacity !== null && c.joinedCount >= c.capacity,
    points: c.points,
    minMinutesForPoints: CAMPAIGN_RULES.minMinutesForPoints,
    createdBy: { displayName: r.creator.displayName },
    createdAt: iso(c.createdAt),
    hasJoined: mine !== null,
    hasCheckedIn: mine?.checkedInAt != null,
    hasCheckedOut: mine?.checkedOutAt != null,
    mine,
  };
}

export type AttendanceRow = {
  participant: Participation;
  volunteer: { id: string; displayName: string };
  community: Named | null;
};

/** One line of the attendance sheet: who, and what they did; never their phone or positions. */
export function presentAttendance(c: Campaign, r: AttendanceRow, now: Date): AttendanceLine {
  const p = presentParticipation(c, r.participant, now);
  return {
    volunteer: { id: r.volunteer.id, displayName: r.volunteer.displayName },
    community: r.community,
    ...p,
    checkInDistanceM: r.participant.checkInDistanceM,
  };
}
