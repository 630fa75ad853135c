import { expect } from 'chai';
import { asc, eq, sql } from 'drizzle-orm';
import { districts } from '../src/db/schema/index';
import { namedSql, prepared } from '../src/db/prepared';
import { harness } from './support/harness';
import { serverPassOnly } from './support/services';

/** The one way hot paths prepare statements (src/db/prepared.ts), on both databases. */
const districtById = prepared('test_district_by_id', (db, name) =>
  db
    .select({ id: districts.id, nameZh: districts.nameZh })
    .from(districts)
    .where(eq(districts.id, sql.placeholder('id')))
    .prepare(name),
);
const districtsAbove = namedSql<{ id: number }>('test_districts_above', 'SELECT id FROM districts WHERE id > $1 ORDER BY id');
const preparedHere = namedSql<{ name: string }>('test_prepared_here', 'SELECT name FROM pg_prepared_statements ORDER BY name');

describe('prepared statements (db/prepared)', () => {
  it('a prepared Drizzle query and a named SQL statement answer like the plain query, call after call', async () => {
    const { db } = harness().database;
    const all = await db.select({ id: districts.id, nameZh: districts.nameZh }).from(districts).orderBy(asc(districts.id));
    expect(all.length).to.be.greaterThan(2);
    for (const d of all.slice(0, 3)) expect(await districtById().execute({ id: d.id })).to.deep.equal([d]);
    expect(await districtById().execute({ id: -1 })).to.deep.equal([]);
    const above = all[1].id;
    for (let i = 0; i < 2; i++)
      expect((await districtsAbove([above])).map((r) => r.id)).to.deep.equal(all.filter((d) => d.id > above).map((d) => d.id));
  });

  it('refuses a second statement under a name already taken', () => {
    expect(() => namedSql('test_districts_above', 'SELECT 1')).to.throw(/used twice/);
    expect(() => prepared('test_district_by_id', () => undefined)).to.throw(/used twice/);
  });

  it('on the PostgreSQL server, the statements are prepared on the connection by name', async function () {
    serverPassOnly(this);
    await districtById().execute({ id: 1 });
    await districtsAbove([0]);
    // One request at a time: the pool hands back the connection it just got back (LIFO).
    const names = (await preparedHere([])).map((r) => r.name);
    expect(names).to.include.members(['test_district_by_id', 'test_districts_above', 'test_prepared_here']);
  });
});
