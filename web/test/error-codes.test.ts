import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { statusByCode } from '../../api/src/http/errors';

/** Errors the web makes itself, without an answer from the server. */
const CLIENT_CODES = ['NETWORK_ERROR'];

const codesIn = (language: string): Record<string, string> => {
  const file = path.resolve(import.meta.dirname, '../src/locales', language, 'common.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { errors: { code: Record<string, string> } }).errors.code;
};

describe('web: every error code the API can answer with is translated (errors.code in common.json)', () => {
  const serverCodes = Object.keys(statusByCode);
  const expected = [...serverCodes, ...CLIENT_CODES].sort();

  for (const language of ['en', 'zh-CN']) {
    it(`${language}: one sentence per code, no code missing and none left over`, () => {
      const codes = codesIn(language);
      const missing = expected.filter((code) => !codes[code]?.trim());
      expect(missing, `codes without a ${language} sentence`).to.deep.equal([]);
      expect(Object.keys(codes).sort(), 'translations of codes the server never sends').to.deep.equal(expected);
    });
  }

  it('zh-CN: every sentence is written in Chinese, not copied from English', () => {
    const en = codesIn('en');
    for (const [code, sentence] of Object.entries(codesIn('zh-CN'))) {
      expect(sentence, code).to.match(/\p{Script=Han}/u);
      expect(sentence, code).to.not.equal(en[code]);
    }
  });
});
