import type { RouteDoc } from '../../openapi/route-doc';
import {
  MyVerificationsQuery,
  PhotoParams,
  PoliceVerificationAnswer,
  PoliceVerificationList,
  ReportVerification,
  RequestVerification,
  TipPhotoParams,
  VerificationTaskAnswer,
  VerificationTaskPage,
} from '@hy/schemas/verifications';

const tag = 'On-site verification';
const police = ['officer', 'supervisor', 'admin'] as const;

export const verificationsDocs: RouteDoc[] = [
  { method: 'post', path: '/api/tips/:id/verification', tag, summary: 'Ask the community’s auxiliary police officer to check on site', access: police, body: RequestVerification, ok: { status: 201, description: 'The task (police view)', schema: PoliceVerificationAnswer }, errors: [409] },
  { method: 'get', path: '/api/tips/:id/verifications', tag, summary: 'The on-site checks of a tip', access: police, ok: { description: 'The checks (police view)', schema: PoliceVerificationList } },
  { method: 'get', path: '/api/verifications/mine', tag, summary: 'My tasks (auxiliary)', access: ['auxiliary'], query: MyVerificationsQuery, ok: { description: 'A page of my tasks', schema: VerificationTaskPage } },
  { method: 'get', path: '/api/verifications/:id', tag, summary: 'One task: what and where, never who reported', access: ['auxiliary'], ok: { description: 'The task', schema: VerificationTaskAnswer } },
  {
    method: 'post',
    path: '/api/verifications/:id/report',
    tag,
    summary: 'Report the finding, with up to 3 photos (multipart `photos`)',
    access: ['auxiliary'],
    body: ReportVerification,
    bodyAs: ['json', 'multipart'],
    ok: { status: 201, description: 'The task with the report', schema: VerificationTaskAnswer },
    errors: [409, 413, 415],
  },
  { method: 'get', path: '/api/verifications/:id/tip-photos/:mediaId', tag, summary: 'A photo of the tip to check', access: ['auxiliary'], params: TipPhotoParams, ok: { description: 'The image', contentType: 'image/jpeg' } },
  {
    method: 'get',
    path: '/api/verifications/:id/photos/:photoId',
    tag,
    summary: 'A photo of the report',
    access: ['auxiliary', ...police],
    params: PhotoParams,
    ok: { description: 'The image', contentType: 'image/jpeg' },
  },
];
