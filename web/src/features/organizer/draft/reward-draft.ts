import { toDateTimeLocal } from '../../../lib/format';
import type { CreateRewardInput, ManagedReward } from '@hy/schemas/rewards';

/** The limits the server's CreateReward / UpdateReward check (@hy/schemas/reward-rules), checked before sending. */
export { REWARD_LIMITS } from '@hy/schemas/reward-rules';
import { REWARD_LIMITS } from '@hy/schemas/reward-rules';

/** Every editable field, as POST /api/rewards and PATCH /api/rewards/:id take them. */
export type RewardFields = Required<Omit<CreateRewardInput, 'communityId'>>;

/** What the form holds: the text of each control, as typed. */
export type RewardDraft = {
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  cost: string;
  stock: string;
  isActive: boolean;
  /** `<input type="datetime-local">` values, in the device's time zone; empty for no limit. */
  activeFrom: string;
  activeUntil: string;
  communityId: string;
};

export type RewardField = keyof RewardDraft;

/** Order of the fields on the page, to focus the first one in error. */
export const rewardFieldOrder: RewardField[] = [
  'communityId',
  'nameZh',
  'nameEn',
  'descriptionZh',
  'descriptionEn',
  'cost',
  'stock',
  'activeFrom',
  'activeUntil',
  'isActive',
];

export type RewardIssue =
  | { kind: 'required' }
  | { kind: 'tooLong'; max: number }
  | { kind: 'wholeNumber' }
  | { kind: 'range'; min: number; max: number }
  | { kind: 'date' }
  | { kind: 'windowOrder' };

export type RewardIssues = Partial<Record<RewardField, RewardIssue>>;

const localInput = (iso: string | null) => (iso ? toDateTimeLocal(new Date(iso)) : '');

export function emptyDraft(communityId: number | undefined): RewardDraft {
  return {
    nameZh: '',
    nameEn: '',
    descriptionZh: '',
    descriptionEn: '',
    cost: '',
    stock: '',
    isActive: true,
    activeFrom: '',
    activeUntil: '',
    communityId: communityId === undefined ? '' : String(communityId),
  };
}

export function draftOf(reward: ManagedReward): RewardDraft {
  return {
    nameZh: reward.nameZh,
    nameEn: reward.nameEn,
    descriptionZh: reward.descriptionZh,
    descriptionEn: reward.descriptionEn,
    cost: String(reward.cost),
    stock: String(reward.stock),
    isActive: reward.isActive,
    activeFrom: localInput(reward.activeFrom),
    activeUntil: localInput(reward.activeUntil),
    communityId: reward.communityId === null ? '' : String(reward.communityId),
  };
}

function wholeNumber(text: string, range: { min: number; max: number }): RewardIssue | null {
  if (text.trim() === '') return { kind: 'required' };
  const n = Number(text);
  if (!Number.isInteger(n)) return { kind: 'wholeNumber' };
  if (n < range.min || n > range.max) return { kind: 'range', ...range };
  return null;
}

function when(text: string): Date | null | 'invalid' {
  if (!text) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? 'invalid' : date;
}

/** The same rules as the API's CreateReward / UpdateReward, so most mistakes never leave the page. */
export function validateRewardDraft(draft: RewardDraft, opts: { needsCommunity: boolean }): RewardIssues {
  const issues: RewardIssues = {};
  if (opts.needsCommunity && !draft.communityId) issues.communityId = { kind: 'required' };
  for (const field of ['nameZh', 'nameEn'] as const) {
    const length = draft[field].trim().length;
    if (length === 0) issues[field] = { kind: 'required' };
    else if (length > REWARD_LIMITS.name) issues[field] = { kind: 'tooLong', max: REWARD_LIMITS.name };
  }
  for (const field of ['descriptionZh', 'descriptionEn'] as const) {
    if (draft[field].trim().length > REWARD_LIMITS.description) issues[field] = { kind: 'tooLong', max: REWARD_LIMITS.description };
  }
  const cost = wholeNumber(draft.cost, REWARD_LIMITS.cost);
  if (cost) issues.cost = cost;
  const stock = wholeNumber(draft.stock, REWARD_LIMITS.stock);
  if (stock) issues.stock = stock;
  const from = when(draft.activeFrom);
  const until = when(draft.activeUntil);
  if (from === 'invalid') issues.activeFrom = { kind: 'date' };
  if (until === 'invalid') issues.activeUntil = { kind: 'date' };
  else if (from instanceof Date && until instanceof Date && from >= until) issues.activeUntil = { kind: 'windowOrder' };
  return issues;
}

/** The request body of a valid draft (call validateRewardDraft first). */
export function fieldsOf(draft: RewardDraft): RewardFields {
  const iso = (text: string) => (text ? new Date(text).toISOString() : null);
  return {
    nameZh: draft.nameZh.trim(),
    nameEn: draft.nameEn.trim(),
    descriptionZh: draft.descriptionZh.trim(),
    descriptionEn: draft.descriptionEn.trim(),
    cost: Number(draft.cost),
    stock: Number(draft.stock),
    isActive: draft.isActive,
    activeFrom: iso(draft.activeFrom),
    activeUntil: iso(draft.activeUntil),
  };
}

/**
 * Only what the organizer changed, so saving a new stock never rewrites a name someone else just
 * edited. Dates compare as the form shows them (to the minute).
 */
export function changesOf(reward: ManagedReward, draft: RewardDraft): Partial<RewardFields> {
  const before = draftOf(reward);
  const after = fieldsOf(draft);
  const changes: Partial<RewardFields> = {};
  for (const field of ['nameZh', 'nameEn', 'descriptionZh', 'descriptionEn'] as const) {
    if (after[field] !== reward[field]) changes[field] = after[field];
  }
  if (after.cost !== reward.cost) changes.cost = after.cost;
  if (after.stock !== reward.stock) changes.stock = after.stock;
  if (after.isActive !== reward.isActive) changes.isActive = after.isActive;
  if (draft.activeFrom !== before.activeFrom) changes.activeFrom = after.activeFrom;
  if (draft.activeUntil !== before.activeUntil) changes.activeUntil = after.activeUntil;
  return changes;
}

/** Maps the API's field names (details[].field) to the form's controls. */
export function rewardFieldOf(apiField: string): RewardField | null {
  return (rewardFieldOrder as string[]).includes(apiField) ? (apiField as RewardField) : null;
}
