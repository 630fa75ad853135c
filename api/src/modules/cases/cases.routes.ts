import { Router } from 'express';
import { requireRole } from '../../http/authenticate';
import { IdParam, parse } from '../../http/validate';
import { AddNote, CaseTipParams, CasesQuery, CreateCase, LinkTips, OfficersQuery, UpdateCase } from '@hy/schemas/cases';
import { addNote, createCase, getCaseDetail, linkTips, listCases, listOfficers, unlinkTip, updateCase } from './cases.service';


export function casesRoutes(): Router {
  const router = Router();
  const police = requireRole('officer', 'supervisor', 'admin');

  router.get('/cases', police, async (req, res) => {
    res.json(await listCases(req.actor!, parse(CasesQuery, req.query)));
  });

  router.post('/cases', police, async (req, res) => {
    res.status(201).json({ case: await createCase(req.actor!, parse(CreateCase, req.body ?? {})) });
  });

  router.get('/cases/:id', police, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json({ case: await getCaseDetail(req.actor!, id) });
  });

  router.patch('/cases/:id', police, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json({ case: await updateCase(req.actor!, id, parse(UpdateCase, req.body ?? {})) });
  });

  router.post('/cases/:id/tips', police, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json({ case: await linkTips(req.actor!, id, parse(LinkTips, req.body ?? {})) });
  });

  router.delete('/cases/:id/tips/:tipId', police, async (req, res) => {
    const { id, tipId } = parse(CaseTipParams, req.params);
    res.json({ case: await unlinkTip(req.actor!, id, tipId) });
  });

  router.post('/cases/:id/notes', police, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.status(201).json({ note: await addNote(req.actor!, id, parse(AddNote, req.body ?? {})) });
  });

  router.get('/officers', police, async (req, res) => {
    res.json(await listOfficers(req.actor!, parse(OfficersQuery, req.query)));
  });

  return router;
}
