import { Router } from 'express';
import { requireRole } from '../../http/authenticate';
import { IdParam, parse, validate } from '../../http/validate';
import { sendStoredFile } from '../media/serve';
import { acceptPhotosBody, withUploads } from '../media/upload';
import { listForTip, listMine, reportPhoto, taskTipPhoto, viewTask } from './listing';
import { reportVerification } from './reporting';
import { requestVerification } from './requesting';
import { MAX_REPORT_PHOTOS, MyVerificationsQuery, PhotoParams, ReportVerification, RequestVerification, TipPhotoParams } from '@hy/schemas/verifications';

const photoHeaders = (id: string, mimeType: string) => ({
  'Content-Type': mimeType,
  'X-Content-Type-Options': 'nosniff',
  'Content-Disposition': `inline; filename="${id}.jpg"`,
  'Cache-Control': 'private, max-age=3600',
  'Content-Security-Policy': "default-src 'none'",
});

export function verificationsRoutes(): Router {
  const router = Router();
  const police = requireRole('officer', 'supervisor', 'admin');
  const auxiliary = requireRole('auxiliary');

  router.post('/tips/:id/verification', police, validate(RequestVerification), async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.status(201).json({ verification: await requestVerification(req.actor!, id, req.body) });
  });

  router.get('/tips/:id/verifications', police, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json(await listForTip(req.actor!, id));
  });

  router.get('/verifications/mine', auxiliary, async (req, res) => {
    res.json(await listMine(req.actor!, parse(MyVerificationsQuery, req.query)));
  });

  router.get('/verifications/:id', auxiliary, async (req, res) => {
    res.json({ verification: await viewTask(req.actor!, parse(IdParam, req.params).id) });
  });

  router.post('/verifications/:id/report', auxiliary, acceptPhotosBody(MAX_REPORT_PHOTOS), async (req, res) => {
    const verification = await withUploads(req.files, async (photos) => {
      const { id } = parse(IdParam, req.params);
      return reportVerification(req.actor!, id, parse(ReportVerification, req.body ?? {}), photos);
    });
    res.status(201).json({ verification });
  });

  router.get('/verifications/:id/tip-photos/:mediaId', auxiliary, async (req, res) => {
    const { id, mediaId } = parse(TipPhotoParams, req.params);
    const m = await taskTipPhoto(req.actor!, id, mediaId);
    await sendStoredFile(res, m.storageKey, photoHeaders(m.id, m.mimeType));
  });

  router.get('/verifications/:id/photos/:photoId', requireRole('auxiliary', 'officer', 'supervisor', 'admin'), async (req, res) => {
    const { id, photoId } = parse(PhotoParams, req.params);
    const p = await reportPhoto(req.actor!, id, photoId);
    await sendStoredFile(res, p.storageKey, photoHeaders(p.id, p.mimeType));
  });

  return router;
}
