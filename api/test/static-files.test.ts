import { expect } from 'chai';
import sharp from 'sharp';
import { api } from './support/harness';

/** The built web app (npm test builds it first) as the server serves it: files are files, only app routes get the page. */
describe('http: static files of the web app', () => {
  it('serves /robots.txt as text, keeping desks and the API out of indexes', async () => {
    const res = await api().get('/robots.txt').expect(200);
    expect(res.headers['content-type']).to.match(/^text\/plain/);
    expect(res.text).to.match(/^User-agent: \*$/m);
    for (const path of ['/api/', '/police', '/admin', '/verify']) expect(res.text).to.include(`Disallow: ${path}`);
  });

  it('serves /favicon.ico as an icon, not the app page', async () => {
    const res = await api().get('/favicon.ico').buffer(true).expect(200);
    expect(res.headers['content-type']).to.match(/image\/(x-icon|vnd\.microsoft\.icon)/);
    expect((res.body as Buffer).subarray(0, 4)).to.deep.equal(Buffer.from([0, 0, 1, 0]));
  });

  it('serves a valid web manifest whose icons exist at the sizes it states', async () => {
    const res = await api().get('/manifest.webmanifest').expect(200);
    expect(res.headers['content-type']).to.match(/^application\/manifest\+json/);
    const manifest = JSON.parse(res.text) as {
      name: string;
      short_name: string;
      start_url: string;
      display: string;
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(manifest).to.include({ start_url: '/', display: 'standalone' });
    expect(manifest.name).to.include('衡阳群众');
    const sizes = manifest.icons.map((i) => i.sizes);
    expect(sizes).to.include.members(['192x192', '512x512']);
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).to.equal(true);
    for (const icon of manifest.icons) {
      const file = await api().get(icon.src).buffer(true).expect(200);
      expect(file.headers['content-type']).to.equal(icon.type);
      const meta = await sharp(file.body as Buffer).metadata();
      expect(`${meta.width}x${meta.height}`, icon.src).to.equal(icon.sizes);
    }
    const page = await api().get('/').set('Accept', 'text/html').expect(200);
    expect(page.text).to.include('<link rel="manifest" href="/manifest.webmanifest"');
  });

  it('answers 404 for a missing file, and gives app routes the page', async () => {
    for (const path of ['/missing.png', '/assets/gone-1234.js', '/police/report.pdf']) {
      const res = await api().get(path).set('Accept', 'text/html,*/*').expect(404);
      expect(res.text, path).to.not.include('<div id="root">');
    }
    const app = await api().get('/police/tips/3b241101-e2bb-4255-8caf-4136c566a962').set('Accept', 'text/html').expect(200);
    expect(app.headers['content-type']).to.match(/^text\/html/);
    expect(app.text).to.include('<div id="root">');
    const unknownApi = await api().get('/api/no-such-thing').set('Accept', 'text/html').expect(404);
    expect(unknownApi.body.error.code).to.equal('NOT_FOUND');
  });
});
