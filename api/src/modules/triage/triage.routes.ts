import { Router } from 'express';
import { requireRole } from '../../http/authenticate';
import { IdParam, parse } from '../../http/validate';
import { assignClaim, claimNext, claimTip, releaseClaim } from './claims';
import { reverseDecision, transferTip } from './corrections';
import { decideTip } from './decisions';
import { AssignInput, ClaimInput, QueueQuery, ReverseInput, TransferInput, TriageInput } from '@hy/schemas/triage';
import { listQueue, reporterRecord, suggestDuplicates } from './triage.service';

export function triageRoutes(): Router {
  const router = Router();
  const police = requireRole('officer', 'supervisor', 'admin');
  const supervisors = requireRole('supervisor', 'admin');

  router.get('/queue', police, async (req, res) => {
    res.json(await listQueue(req.actor!, parse(QueueQuery, req.query)));
  });

  router.post('/queue/claim', police, async (req, res) => {
    res.json({ tip: await claimNext(req.actor!, parse(ClaimInput, req.body ?? {})) });
  });

  router.post('/tips/:id/claim', police, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json({ tip: await claimTip(req.actor!, id) });
  });

  router.delete('/tips/:id/claim', police, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json({ tip: await releaseClaim(req.actor!, id) });
  });

  router.post('/tips/:id/assign', supervisors, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json({ tip: await assignClaim(req.actor!, id, parse(AssignInput, req.body ?? {})) });
  });

  router.post('/tips/:id/triage', police, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json({ tip: await decideTip(req.actor!, id, parse(TriageInput, req.body ?? {})) });
  });

  router.post('/tips/:id/transfer', police, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json({ tip: await transferTip(req.actor!, id, parse(TransferInput, req.body ?? {})) });
  });

  router.post('/tips/:id/reverse', police, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json({ tip: await reverseDecision(req.actor!, id, parse(ReverseInput, req.body ?? {})) });
  });

  router.get('/tips/:id/duplicates', police, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json(await suggestDuplicates(req.actor!, id));
  });

  router.get('/tips/:id/reporter-record', police, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json(await reporterRecord(req.actor!, id));
  });

  return router;
}
