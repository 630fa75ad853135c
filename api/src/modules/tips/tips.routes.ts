import { Router } from 'express';
import { z } from 'zod';
import { authenticate, identify, requireRole } from '../../http/authenticate';
import { parse, Uuid, IdParam } from '../../http/validate';
import { parseIdempotencyKey } from '../idempotency/idempotency.service';
import { sendStoredFile } from '../media/serve';
import { acceptTipBody, withUploads } from '../media/upload';
import { CreateTip, MineQuery } from './tips.schema';
import { getTipMedia, listMyTips, submitTip, viewTip } from './tips.service';

const MediaParams = z.object({ id: Uuid, mediaId: Uuid });

export function tipsRoutes(): Router {
  const router = Router();

  router.post('/tips', identify, acceptTipBody, async (req, res) => {
    // The upload's temp files are gone before the answer leaves, whatever the answer is.
    const result = await withUploads(req.files, (photos) =>
      submitTip({
        actor: req.actor,
        input: parse(CreateTip, req.body ?? {}),
        photos,
        idempotencyKey: parseIdempotencyKey(req.get('Idempotency-Key')),
      }),
    );
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
    await sendStoredFile(res, m.storageKey, {
      'Content-Type': m.mimeType,
      'X-Content-Type-Options': 'nosniff',
      'Content-Disposition': `inline; filename="${m.id}.jpg"`,
      'Cache-Control': 'private, max-age=3600',
      'Content-Security-Policy': "default-src 'none'",
    });
  });

  return router;
}
