export type CampaignKind = 'patrol' | 'publicity' | 'other';
export type CampaignStatus = 'upcoming' | 'active' | 'past';
type Named = { id: number; nameZh: string; nameEn: string };

export type Participation = {
  joinedAt: string;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  minutes: number;
  pointsAwarded: number;
};

export type Campaign = {
  id: string;
  title: string;
  kind: CampaignKind;
  description: string;
  status: CampaignStatus;
  startsAt: string;
  endsAt: string;
  checkInOpensAt: string;
  place: { lat: number; lng: number; radiusM: number; address: string };
  district: Named;
  community: Named | null;
  capacity: number | null;
  joinedCount: number;
  isFull: boolean;
  points: number;
  minMinutesForPoints: number;
  createdBy: { displayName: string };
  hasJoined: boolean;
  hasCheckedIn: boolean;
  hasCheckedOut: boolean;
  mine: Participation | null;
};

export type CampaignsPage = { campaigns: Campaign[]; nextCursor: string | null };

export type AttendanceLine = Participation & {
  volunteer: { id: string; displayName: string };
  community: Named | null;
  checkInDistanceM: number | null;
};

export type Attendance = {
  campaign: Campaign;
  totals: { joined: number; checkedIn: number; checkedOut: number; pointsAwarded: number };
  attendance: AttendanceLine[];
  nextCursor: string | null;
};

/** A position fix from the browser, as the server expects it. */
export type PositionFix = { lat: number; lng: number; accuracyM: number };
