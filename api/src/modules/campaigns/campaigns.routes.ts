import { sendCsv } from '../../http/csv';
import { Router } from 'express';
import { authenticate, requireRole } from '../../http/authenticate';
import { IdParam, parse, validate } from '../../http/validate';
import { attendanceCsv, getAttendance } from './attendance-report';
import { AttendanceQuery, CampaignsQuery, CreateCampaign, PositionFix } from '@hy/schemas/campaigns';
import { checkIn, checkOut } from './check-in';
import { getCampaign, listCampaigns } from './listing';
import { joinCampaign, leaveCampaign } from './membership';
import { postCampaign } from './posting';

export function campaignsRoutes(): Router {
  const router = Router();
  const posters = requireRole('organizer', 'officer', 'supervisor', 'admin');
  const volunteers = requireRole('volunteer');

  router.post('/campaigns', posters, validate(CreateCampaign), async (req, res) => {
    res.status(201).json({ campaign: await postCampaign(req.actor!, req.body) });
  });

  router.get('/campaigns', authenticate, async (req, res) => {
    res.json(await listCampaigns(req.actor!, parse(CampaignsQuery, req.query)));
  });

  // before /campaigns/:id/attendance: the `.csv` suffix is part of the last segment
  router.get('/campaigns/:id/attendance.csv', authenticate, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    // UTF-8 with BOM, CRLF, formula-safe cells (http/csv), streamed a batch at a time.
    await sendCsv(res, await attendanceCsv(req.actor!, id));
  });

  router.get('/campaigns/:id/attendance', authenticate, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json(await getAttendance(req.actor!, id, parse(AttendanceQuery, req.query)));
  });

  router.get('/campaigns/:id', authenticate, async (req, res) => {
    res.json({ campaign: await getCampaign(req.actor!, parse(IdParam, req.params).id) });
  });

  router.post('/campaigns/:id/join', volunteers, async (req, res) => {
    res.json({ campaign: await joinCampaign(req.actor!, parse(IdParam, req.params).id) });
  });

  router.post('/campaigns/:id/leave', volunteers, async (req, res) => {
    res.json({ campaign: await leaveCampaign(req.actor!, parse(IdParam, req.params).id) });
  });

  router.post('/campaigns/:id/check-in', volunteers, validate(PositionFix), async (req, res) => {
    const result = await checkIn(req.actor!, parse(IdParam, req.params).id, req.body);
    res.status(result.status).json(result.body);
  });

  router.post('/campaigns/:id/check-out', volunteers, validate(PositionFix), async (req, res) => {
    res.json(await checkOut(req.actor!, parse(IdParam, req.params).id, req.body));
  });

  return router;
}
