import type { Tip } from '../../../shared/types/tip';

/** A message as the API shows it: authors are only ever "tipster" or "police". */
export type Message = {
  id: string;
  from: 'tipster' | 'police';
  isMine: boolean;
  body: string;
  createdAt: string;
  readAt: string | null;
};

export type Thread = { messages: Message[]; unread: number };

/** What an anonymous tipster sees with their reference and access code. */
export type TrackedTip = Thread & { tip: Tip };

export type TrackCredentials = { reference: string; accessCode: string };

/** The longest message the API accepts. */
export const MESSAGE_MAX_CHARS = 2000;

export type Reveal = { id: number; tipId: string; supervisorId: string; reason: string; createdAt: string };
