import { expect } from 'chai';
import { sql } from 'drizzle-orm';
import { loggable } from '../src/http/error-handler';
import { db } from './support/harness';
import { nextPhone } from './support/factories';

describe('logging of unexpected errors', () => {
  it('keeps the statement and the SQLSTATE of a failed query but never its parameters or quoted values', async () => {
    const phone = nextPhone();
    let caught: unknown;
    try {
      // fails (22003: out of range for integer), with PostgreSQL's message quoting the value
      // and Drizzle's listing the parameters
      await db().execute(sql`select ${phone}::int + ${'Tr1cky-passw0rd'}::int`);
    } catch (err) {
      caught = err;
    }
    expect(caught, 'the query should have failed').to.be.instanceOf(Error);
    expect(String((caught as Error).message) + String((caught as { cause?: Error }).cause?.message)).to.include(phone);
    const logged = JSON.stringify(loggable(caught));
    expect(logged).to.not.include(phone);
    expect(logged).to.not.include('Tr1cky-passw0rd');
    expect(logged).to.match(/"code":"22\w{3}"/);
    expect(logged).to.include('select $1::int');
  });
});
