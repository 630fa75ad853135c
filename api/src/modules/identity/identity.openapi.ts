import type { RouteDoc } from '../../openapi/route-doc';
import { OwnIdentityAnswer, RevealAnswer, RevealInput, RevealList, UpdateIdentity } from '@hy/schemas/identity';

const tag = 'Identity and reveals';

export const identityDocs: RouteDoc[] = [
  { method: 'get', path: '/api/me/identity', tag, summary: 'My real name and ID number (masked)', access: ['volunteer'], ok: { description: 'My identity, the ID number masked', schema: OwnIdentityAnswer } },
  { method: 'patch', path: '/api/me', tag, summary: 'Set or remove my real name and ID number', access: ['volunteer'], body: UpdateIdentity, ok: { description: 'My identity, the ID number masked', schema: OwnIdentityAnswer } },
  { method: 'get', path: '/api/tips/:id/reveals', tag, summary: 'Who revealed this tip’s reporter, when and why', access: ['supervisor'], ok: { description: 'The reveals, and whether the reporter can be revealed', schema: RevealList } },
  {
    method: 'post',
    path: '/api/tips/:id/reveal',
    tag,
    summary: 'Reveal the reporter of a tip, with a reason (audited)',
    access: ['supervisor'],
    body: RevealInput,
    ok: { status: 201, description: 'The reporter and the reveal record', schema: RevealAnswer },
    errors: [422],
  },
];
