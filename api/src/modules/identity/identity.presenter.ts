import type { OwnIdentity, Reveal, RevealedIdentity } from '@hy/schemas/identity';
import type { Presented } from '@hy/schemas/presented';
import type { identityReveals, users } from '../../db/schema/index';

type UserRow = typeof users.$inferSelect;
type RevealRow = typeof identityReveals.$inferSelect;

/** Shown to the volunteer themselves: enough to recognise, not enough to copy off a screen. */
export function maskIdNumber(id: string): string {
  return `${id.slice(0, 3)}${'*'.repeat(11)}${id.slice(-4)}`;
}

export function presentOwnIdentity(realName: string | null, idNumber: string | null): OwnIdentity {
  return { realName, idNumberMasked: idNumber ? maskIdNumber(idNumber) : null, hasIdNumber: idNumber !== null };
}

/** What a supervisor learns by a reveal, and nothing more (no password hash, no balance). */
export function presentRevealedIdentity(u: UserRow, pii: { realName: string | null; idNumber: string | null }): RevealedIdentity {
  return {
    userId: u.id,
    displayName: u.displayName,
    phone: u.phone,
    realName: pii.realName,
    idNumber: pii.idNumber,
    communityId: u.communityId,
  };
}

export function presentReveal(r: RevealRow): Presented<Reveal> {
  return { id: r.id, tipId: r.tipId, supervisorId: r.supervisorId, reason: r.reason, createdAt: r.createdAt };
}
