import { ClaimedNext, DuplicateSuggestions, PoliceTipAnswer, QueuePage, ReporterRecord } from '@hy/schemas/triage';
import type { RouteDoc } from '../../openapi/route-doc';
import { AssignInput, ClaimInput, QueueQuery, ReverseInput, TransferInput, TriageInput } from '@hy/schemas/triage';

const tag = 'Police: queue and decisions';
const police = ['officer', 'supervisor', 'admin'] as const;
const tip = { description: 'The tip (police view)', schema: PoliceTipAnswer };

export const triageDocs: RouteDoc[] = [
  { method: 'get', path: '/api/queue', tag, summary: 'The triage queue of my district, keyset-paginated', access: police, query: QueueQuery, ok: { description: 'A page of the queue', schema: QueuePage } },
  {
    method: 'post',
    path: '/api/queue/claim',
    tag,
    summary: 'Claim the next unclaimed tip (highest priority, then oldest); never the same tip to two people',
    access: police,
    body: ClaimInput,
    ok: { description: 'The claimed tip, or `{tip: null}` when none waits', schema: ClaimedNext },
  },
  { method: 'post', path: '/api/tips/:id/claim', tag, summary: 'Claim this tip', access: police, ok: tip, errors: [409] },
  { method: 'delete', path: '/api/tips/:id/claim', tag, summary: 'Release my claim', access: police, ok: tip, errors: [409] },
  { method: 'post', path: '/api/tips/:id/assign', tag, summary: 'Give the claim to an officer of the district', access: ['supervisor', 'admin'], body: AssignInput, ok: tip, errors: [409] },
  { method: 'post', path: '/api/tips/:id/triage', tag, summary: 'Decide: valid, invalid, duplicate or needs_info', access: police, body: TriageInput, ok: tip, errors: [409] },
  { method: 'post', path: '/api/tips/:id/transfer', tag, summary: 'Move the tip to another district', access: police, body: TransferInput, ok: tip, errors: [409] },
  { method: 'post', path: '/api/tips/:id/reverse', tag, summary: 'Undo (officer, briefly) or review (supervisor) a decision', access: police, body: ReverseInput, ok: tip, errors: [409] },
  { method: 'get', path: '/api/tips/:id/duplicates', tag, summary: 'Possible duplicates nearby, by similarity', access: police, ok: { description: 'Suggestions, most similar first', schema: DuplicateSuggestions } },
  { method: 'get', path: '/api/tips/:id/reporter-record', tag, summary: 'The reporter’s track record (counts only, never who)', access: police, ok: { description: 'Counts only', schema: ReporterRecord } },
];
