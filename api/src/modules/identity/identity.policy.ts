/** Only a registered reporter has an identity to reveal; an anonymous tipster has none, by design. */
export const isRevealable = (tip: { reporterId: string | null; isAnonymous: boolean }) =>
  tip.reporterId !== null && !tip.isAnonymous;
