import { expect } from 'chai';
import { formatDate, formatDateTime, formatNumber } from '../src/lib/format';
import type { Language } from '../src/lib/language';

describe('web: dates and numbers written as Intl writes them', () => {
  const languages: Language[] = ['zh-CN', 'en'];
  // Every hour of a day (midnight, noon, one-digit and two-digit hours), one-digit and two-digit days and months.
  const dates = [
    ...Array.from({ length: 24 }, (_, h) => new Date(2026, 0, 5, h, h * 2)),
    new Date(2026, 10, 30, 15, 49),
    new Date(2025, 11, 31, 23, 59),
    new Date(2026, 8, 9, 12, 0),
  ];

  for (const language of languages) {
    it(`writes a date and a date with time as Intl.DateTimeFormat does (${language})`, () => {
      const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
      const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
      for (const d of dates) {
        expect(formatDate(d.toISOString(), language)).to.equal(date.format(d));
        expect(formatDateTime(d.toISOString(), language)).to.equal(dateTime.format(d));
      }
    });

    it(`writes numbers as Intl.NumberFormat does (${language})`, () => {
      const number = new Intl.NumberFormat(language);
      for (const n of [0, 7, 999, 1000, 12345, 1234567, -4321, 2.5, 1234.567]) expect(formatNumber(n, language)).to.equal(number.format(n));
    });
  }

  it('leaves a string that is not a date as it is', () => {
    expect(formatDate('not a date', 'en')).to.equal('not a date');
  });
});
