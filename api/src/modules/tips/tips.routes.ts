import { Router } from 'express';
import { z } from 'zod';
import { authenticate, identify, requireRole } from '../../http/authenticate';
import { parse, Uuid, IdParam } from '../../http/validate';
import { parseIdempotencyKey } from '../idempotency/idempotency.service';
import { openFile } from '../media/storage';
import { acceptTipBody, uploadedPhotos } from '../media/upload';
import { CreateTip, MineQuery } from './tips.schema';
import { getTipMedia, listMyTips, submitTip, viewTip } from './tips.service';
import { notFound } from '../../http/errors';

const MediaParams = z.object({ id: Uuid, mediaId: Uuid });

export function tipsRoutes(): Router {
  const router = Router();

  router.post('/tips', identify, acceptTipBody, async (req, res) => {
    const input = parse(CreateTip, req.body ?? {});
    const result = await submitTip({
      actor: req.actor,
      input,
      photos: uploadedPhotos(req.files),
      idempotencyKey: parseIdempotencyKey(req.get('Idempotency-Key')),
    });
    res.status(result.status).json(result.body);
  });

  router.get('/tips/mine', requireRole('volunteer'), async (req, res) => {
    res.json(await listMyTips(req.actor!, parse(MineQuery, req.query)));
  });

  router.get('/tips/:id', authenticate, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json({ tip: await viewTip(req.actor!, id) });
  });

  router.get('/tips/:id/media/:mediaId', authenticate, async (req, res) => {
    const { id, mediaId } = parse(MediaParams, req.params);
    const m = await getTipMedia(req.actor!, id, mediaId);
    const file = await openFile(m.storageKey);
    if (!file) throw notFound('Photo');
    res.set({
      'Content-Type': m.mimeType,
      'Content-Length': String(file.size),
      'X-Content-Type-Options': 'nosniff',
      'Content-Disposition': `inline; filename="${m.id}.jpg"`,
      'Cache-Control': 'private, max-age=3600',
      'Content-Security-Policy': "default-src 'none'",
    });
    file.stream.pipe(res);
  });

  return router;
}
