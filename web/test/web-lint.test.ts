import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { ESLint } from 'eslint';

const ROOT = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');

/** Lints a fixture's text with the repository's own eslint.config.js, as if it were the file at `asPath`. */
async function lintAs(name: string, asPath: string): Promise<{ ruleId: string | null; message: string }[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(fixture(name), { filePath: path.join(ROOT, asPath) });
  return result!.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

const rules = (messages: { ruleId: string | null }[]) => messages.map((m) => m.ruleId);

describe('web lint: feature boundaries (eslint.config.js)', function () {
  // ESLint over the whole repository: about 20 s alone, several times that beside the other pass of .ci/run.
  this.timeout(240_000);

  it('fails a feature that imports another feature', async () => {
    const messages = await lintAs('cross-feature-import.ts', 'web/src/features/cases/api/open-tips.ts');
    expect(rules(messages)).to.include('import-x/no-restricted-paths');
    expect(messages.find((m) => m.ruleId === 'import-x/no-restricted-paths')!.message).to.contain('../../triage/api/get-queue');
  });

  it('lets a feature import from its own folder (the same import, inside triage)', async () => {
    const messages = await lintAs('cross-feature-import.ts', 'web/src/features/triage/api/open-tips.ts');
    expect(rules(messages)).to.not.include('import-x/no-restricted-paths');
  });

  it('fails an inline query key outside a queryOptions() factory', async () => {
    const messages = await lintAs('cross-feature-import.ts', 'web/src/features/triage/api/open-tips.ts');
    expect(rules(messages)).to.include('no-restricted-syntax');
  });

  it('fails shared code that imports a feature', async () => {
    const messages = await lintAs('shared-imports-feature.ts', 'web/src/shared/api/sign-out.ts');
    expect(rules(messages)).to.include('import-x/no-restricted-paths');
  });

  it('passes the repository as it is (the fixtures are ignored in place)', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const results = await eslint.lintFiles(['web/src', 'web/test']);
    const problems = results.flatMap((r) => r.messages.map((m) => `${path.relative(ROOT, r.filePath)}:${m.line} ${m.ruleId}`));
    expect(problems).to.deep.equal([]);
  });
});
