import { expect } from 'chai';
import { api } from './support/harness';
import { createUser } from './support/factories';

/**
 * Reference data (docs/api.md "Reference data") changes only with a release: answered with
 * Cache-Control and an ETag, and 304 without a body when the client's copy is current.
 */
describe('reference data: Cache-Control, ETag and 304', () => {
  const lists = ['/api/categories', '/api/districts', '/api/districts/1/communities', '/api/districts/1/townships', '/api/communities?q=yp'];

  for (const path of lists) {
    it(`answers ${path} with an ETag and 304 Not Modified while it has not changed`, async () => {
      const first = await api().get(path).expect(200);
      expect(first.headers['cache-control']).to.equal('public, max-age=300');
      const etag = first.headers.etag as string;
      expect(etag).to.match(/^(W\/)?"[^"]+"$/);
      const again = await api().get(path).set('If-None-Match', etag).expect(304);
      expect(again.text ?? '').to.equal('');
      expect(again.headers.etag).to.equal(etag);
      expect(again.headers['cache-control']).to.equal('public, max-age=300');
      // Another representation's tag, or none, gets the whole body.
      const other = await api().get(path).set('If-None-Match', '"something-else"').expect(200);
      expect(other.body).to.deep.equal(first.body);
    });
  }

  it('keeps answers that depend on the caller uncacheable, without an ETag to revalidate', async () => {
    const res = await api().get('/api/me').expect(401);
    expect(res.headers['cache-control']).to.equal('no-store');
    const u = await createUser();
    const me = await api().get('/api/me').set(u.auth).expect(200);
    expect(me.headers['cache-control']).to.equal('no-store');
    expect(me.headers.etag).to.equal(undefined);
  });

  it('answers the public figures with an ETag and 304 Not Modified while they have not changed', async () => {
    const first = await api().get('/api/stats/public').expect(200);
    expect(first.headers['cache-control']).to.match(/^public, max-age=\d+$/);
    const etag = first.headers.etag as string;
    expect(etag).to.match(/^W\/"[^"]+"$/);
    await api().get('/api/stats/public').set('If-None-Match', etag).expect(304);
  });
});
