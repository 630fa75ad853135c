import { Router, type RequestHandler } from 'express';
import type { Config } from '../../config';
import { authenticate, identify, requireRole } from '../../http/authenticate';
import { intakeBudgets } from '../../http/budgets';
import { parse, IdParam } from '../../http/validate';
import { noteAnonymousSubmission, spendProof, verifyProof, type VerifiedProof } from '../altcha/altcha.service';
import { parseIdempotencyKey } from '../idempotency/idempotency.service';
import { sendStoredFile } from '../media/serve';
import { acceptTipBody, withUploads } from '../media/upload';
import { CreateTip, MediaParams, MineQuery } from '@hy/schemas/tips';
import { getTipMedia, listMyTips, submitTip, viewTip } from './tips.service';


type TipsConfig = Parameters<typeof intakeBudgets>[0] & Pick<Config, 'altcha'>;

export function tipsRoutes(config: TipsConfig): Router {
  const router = Router();
  const budgets = intakeBudgets(config);
  // Checked before the body is read: a sender without a solved challenge uploads nothing.
  const proofOfWork: RequestHandler = async (req, res, next) => {
    if (config.rateLimits && !req.actor) res.locals.proof = await verifyProof(config.altcha, req.get('X-Altcha'));
    next();
  };

  router.post('/tips', identify, ...budgets.tips, proofOfWork, acceptTipBody, async (req, res) => {
    // The upload's temp files are gone before the answer leaves, whatever the answer is.
    const result = await withUploads(req.files, async (photos) => {
      const input = parse(CreateTip, req.body ?? {});
      const idempotencyKey = parseIdempotencyKey(req.get('Idempotency-Key'), { isAnonymous: !req.actor });
      const proof = res.locals.proof as VerifiedProof | undefined;
      if (proof) await spendProof(proof, { districtId: input.districtId, idempotencyKey });
      const submitted = await submitTip({ actor: req.actor, input, photos, idempotencyKey });
      if (proof) await noteAnonymousSubmission(input.districtId);
      return submitted;
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
