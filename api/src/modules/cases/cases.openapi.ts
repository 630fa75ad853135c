import type { RouteDoc } from '../../openapi/route-doc';
import { AddNote, CaseAnswer, CaseNoteAnswer, CasePage, CaseTipParams, CasesQuery, CreateCase, LinkTips, OfficerList, OfficersQuery, UpdateCase } from '@hy/schemas/cases';

const tag = 'Cases';
const police = ['officer', 'supervisor', 'admin'] as const;
const theCase = { description: 'The case with its tips and notes', schema: CaseAnswer };

export const casesDocs: RouteDoc[] = [
  { method: 'get', path: '/api/cases', tag, summary: 'Cases of my district', access: police, query: CasesQuery, ok: { description: 'A page of cases', schema: CasePage } },
  { method: 'post', path: '/api/cases', tag, summary: 'Open a case', access: police, body: CreateCase, ok: { status: 201, ...theCase }, errors: [409] },
  { method: 'get', path: '/api/cases/:id', tag, summary: 'A case with its tips and notes', access: police, ok: theCase },
  { method: 'patch', path: '/api/cases/:id', tag, summary: 'Change status, lead officer, title or summary (solving awards a bonus)', access: police, body: UpdateCase, ok: theCase, errors: [409] },
  { method: 'post', path: '/api/cases/:id/tips', tag, summary: 'Link valid tips to the case', access: police, body: LinkTips, ok: theCase, errors: [409] },
  { method: 'delete', path: '/api/cases/:id/tips/:tipId', tag, summary: 'Unlink a tip', access: police, params: CaseTipParams, ok: theCase, errors: [409] },
  { method: 'post', path: '/api/cases/:id/notes', tag, summary: 'Add an internal note', access: police, body: AddNote, ok: { status: 201, description: 'The note', schema: CaseNoteAnswer } },
  { method: 'get', path: '/api/officers', tag, summary: 'Officers of my district (to lead a case or take a claim)', access: police, query: OfficersQuery, ok: { description: 'The officers', schema: OfficerList } },
];
