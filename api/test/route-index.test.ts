import { expect } from 'chai';
import express, { Router } from 'express';
import supertest from 'supertest';
import { dispatchByFirstSegment } from '../src/http/route-index';

/** The module routers behind one dispatcher (app.ts): same answers as mounting them one after another. */
describe('routing: module routers indexed by the first path segment', () => {
  const app = express();
  const seen: string[] = [];
  const exports = Router();
  exports.get('/tips/export.csv', (_req, res) => void res.send('export'));
  const tips = Router();
  tips.get('/tips/:id', (req, res) => void res.send(`tip ${req.params.id}`));
  tips.get('/tips', (_req, res) => void res.send('tips'));
  const anywhere = Router();
  anywhere.use((req, _res, next) => {
    seen.push(req.path);
    next();
  });
  anywhere.get('/:page/about', (req, res) => void res.send(`about ${req.params.page}`));
  const boards = Router();
  boards.use(['/leaderboards', '/ranks'], (_req, res, next) => {
    res.set('X-Board', 'yes');
    next();
  });
  boards.get('/leaderboards/volunteers', (_req, res) => void res.send('board'));
  const api = express.Router();
  api.use(dispatchByFirstSegment([exports, tips, anywhere, boards]));
  api.use((_req, res) => void res.status(404).send('none'));
  app.use('/api', api);
  const get = (path: string) => supertest(app).get(path);

  it('keeps the routers’ order within a segment: an earlier router still wins', async () => {
    expect((await get('/api/tips/export.csv').expect(200)).text).to.equal('export');
    expect((await get('/api/tips/abc').expect(200)).text).to.equal('tip abc');
    expect((await get('/api/tips').expect(200)).text).to.equal('tips');
  });

  it('runs a path-less or parameter router for every segment, and a router’s middleware on its own paths', async () => {
    seen.length = 0;
    const res = await get('/api/leaderboards/volunteers').expect(200);
    expect(res.text).to.equal('board');
    expect(res.headers['x-board']).to.equal('yes');
    expect(seen).to.deep.equal(['/leaderboards/volunteers']);
    expect((await get('/api/ranks/about').expect(200)).text).to.equal('about ranks');
    expect((await get('/api/elsewhere/about').expect(200)).text).to.equal('about elsewhere');
  });

  it('matches segments without regard to case, as Express does, and falls through to what follows', async () => {
    expect((await get('/api/LeaderBoards/volunteers').expect(200)).text).to.equal('board');
    expect((await get('/api/nothing/here').expect(404)).text).to.equal('none');
    expect((await get('/api/').expect(404)).text).to.equal('none');
  });
});
