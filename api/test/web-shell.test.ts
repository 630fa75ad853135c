import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type express from 'express';
import supertest from 'supertest';
import { FIRST_PAGES, languageOf, loadWebShell } from '../src/http/web-shell';
import { appWith } from './support/harness';

/** A small build as Vite writes it (index.html with the entry, dist/.vite/manifest.json, hashed chunks). */
function writeFixtureDist({ withManifest }: { withManifest: boolean }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hy-web-shell-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html>
<html lang="zh-CN">
  <head>
    <title>衡阳群众 Hengyang Masses</title>
    <script type="module" crossorigin src="/assets/index-E1.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/vendor-V1.js">
  </head>
  <body>
    <div id="root">
      <header class="app-header"><a href="/" class="brand"><span>衡阳群众 · Hengyang Masses</span></a></header>
      <div class="emergency"><a href="tel:110"><span>紧急情况请拨打110 · For emergencies call 110</span></a></div>
      <main id="main" class="app-main">
        <h1>衡阳群众</h1>
        <p>
          <a class="btn btn-primary btn-large" href="/report">举报线索 · Report a tip</a>
          <a class="btn btn-secondary btn-large" href="/my-tips">我的线索 · My tips</a>
        </p>
        <noscript><p>请启用 JavaScript 以提交线索。</p></noscript>
      </main>
    </div>
  </body>
</html>
`,
  );
  const manifest: Record<string, { file: string; imports?: string[]; css?: string[]; isEntry?: boolean; isDynamicEntry?: boolean }> = {
    'index.html': { file: 'assets/index-E1.js', isEntry: true, imports: ['_vendor-V1.js'] },
    '_vendor-V1.js': { file: 'assets/vendor-V1.js' },
    '_field-F1.js': { file: 'assets/field-F1.js', imports: ['_vendor-V1.js', '_format-T1.js'] },
    '_format-T1.js': { file: 'assets/format-T1.js' },
    'src/app/volunteer/report-tip-page.tsx': {
      file: 'assets/report-tip-page-R1.js',
      isDynamicEntry: true,
      imports: ['_vendor-V1.js', 'index.html', '_field-F1.js'],
      css: ['assets/report-tip-page-R1.css'],
    },
    'src/app/volunteer/my-tips-page.tsx': { file: 'assets/my-tips-page-M1.js', isDynamicEntry: true, imports: ['index.html', '_format-T1.js'] },
  };
  for (const language of ['zh-CN', 'en']) {
    for (const ns of ['common', 'tips', 'anti-spam']) manifest[`src/locales/${language}/${ns}.json`] = { file: `assets/${ns}-${language}.js`, isDynamicEntry: true };
  }
  for (const chunk of Object.values(manifest)) {
    for (const file of [chunk.file, ...(chunk.css ?? [])]) writeFileSync(path.join(dir, file), file.endsWith('.css') ? 'main{}' : 'export {};');
  }
  if (withManifest) {
    mkdirSync(path.join(dir, '.vite'));
    writeFileSync(path.join(dir, '.vite', 'manifest.json'), JSON.stringify(manifest));
  }
  return dir;
}

const preloads = (html: string) => [...html.matchAll(/<link rel="modulepreload"[^>]* href="([^"]+)">/g)].map((m) => m[1]);
const HOME_BUTTONS = /btn-large/;

describe('http: the web app page names each route’s chunks and has a shell of its own', () => {
  const dirs: string[] = [];
  let app: express.Express;
  before(() => {
    const dir = writeFixtureDist({ withManifest: true });
    dirs.push(dir);
    app = appWith({ webDist: dir });
  });
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('names the report form’s chunk, its static imports and its strings on /report, each a file of the build', async () => {
    const res = await supertest(app).get('/report').set('Accept', 'text/html').set('Accept-Language', 'zh-CN,zh;q=0.9,en;q=0.8').expect(200);
    expect(res.headers['content-type']).to.match(/^text\/html/);
    expect(res.headers['cache-control']).to.equal('no-cache');
    expect(res.headers.vary).to.match(/Accept-Language/);
    const links = preloads(res.text);
    expect(links).to.include.members([
      '/assets/report-tip-page-R1.js',
      '/assets/field-F1.js',
      '/assets/format-T1.js',
      '/assets/common-zh-CN.js',
      '/assets/tips-zh-CN.js',
      '/assets/anti-spam-zh-CN.js',
    ]);
    // The entry's own chunks are already in the HTML once; English strings are not for this reader.
    expect(links.filter((l) => l === '/assets/vendor-V1.js')).to.have.length(1);
    expect(links.some((l) => l.endsWith('-en.js'))).to.equal(false);
    expect(res.text).to.match(/<link rel="preload" as="style"[^>]* href="\/assets\/report-tip-page-R1\.css">/);
    expect(res.text.indexOf('/assets/report-tip-page-R1.js')).to.be.lessThan(res.text.indexOf('</head>'));
    for (const href of links) await supertest(app).get(href).expect(200);
  });

  it('sends the home page with its title and buttons and nothing more to load than its build names', async () => {
    const res = await supertest(app).get('/').set('Accept', 'text/html').set('Accept-Language', 'zh-CN').expect(200);
    expect(preloads(res.text)).to.deep.equal(['/assets/vendor-V1.js']);
    expect(res.text).to.match(HOME_BUTTONS);
    expect(res.text).to.include('举报线索 · Report a tip');
  });

  it('puts the report form’s own title and introduction on screen before its code, in the reader’s language', async () => {
    const zh = await supertest(app).get('/report').set('Accept', 'text/html').set('Accept-Language', 'zh-CN').expect(200);
    expect(zh.text).to.include('<h1 class="page-title">举报线索</h1>');
    expect(zh.text).to.include('<p class="page-intro">告诉警方你看到了什么。');
    const en = await supertest(app).get('/report').set('Accept', 'text/html').set('Accept-Language', 'en-GB,en;q=0.9').expect(200);
    expect(en.text).to.include('<h1 class="page-title">Report a tip</h1>');
    expect(en.text).to.include('<p class="loading" role="status">Loading…</p>');
  });

  it('shows in the shell exactly the strings the pages show (web/src/locales)', () => {
    const localeDir = path.resolve(import.meta.dirname, '../../web/src/locales');
    for (const page of FIRST_PAGES) {
      for (const text of [page.shell?.title, page.shell?.intro]) {
        if (!text) continue;
        const [namespace, key] = text.key.split(':');
        for (const [language, dir] of [['zh-CN', 'zh-CN'], ['en', 'en']] as const) {
          const strings = JSON.parse(readFileSync(path.join(localeDir, dir, `${namespace}.json`), 'utf8')) as Record<string, unknown>;
          const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], strings);
          expect(text[language], `${page.path} ${text.key} ${language}`).to.equal(value);
        }
      }
    }
  });

  it('sends My tips without the home page’s buttons, with the header and the 110 notice', async () => {
    for (const url of ['/my-tips', '/my-tips/', '/organizer', '/no-such-page']) {
      const res = await supertest(app).get(url).set('Accept', 'text/html').expect(200);
      expect(res.text, url).to.not.match(HOME_BUTTONS);
      expect(res.text, url).to.not.include('Report a tip');
      expect(res.text, url).to.include('class="app-header"');
      expect(res.text, url).to.include('href="tel:110"');
      expect(res.text, url).to.include('<p class="loading" role="status">');
      expect(res.text, url).to.include('<noscript>');
    }
    const myTips = await supertest(app).get('/my-tips').set('Accept', 'text/html').expect(200);
    expect(myTips.text).to.include('<h1 class="page-title">我的线索</h1>');
    expect(preloads(myTips.text)).to.include.members(['/assets/my-tips-page-M1.js', '/assets/format-T1.js', '/assets/tips-zh-CN.js']);
    expect(preloads(myTips.text)).to.not.include('/assets/report-tip-page-R1.js');
  });

  it('names the English strings for a reader whose browser prefers English', async () => {
    const res = await supertest(app).get('/report').set('Accept', 'text/html').set('Accept-Language', 'en-US,en;q=0.9').expect(200);
    expect(preloads(res.text)).to.include.members(['/assets/common-en.js', '/assets/tips-en.js', '/assets/anti-spam-en.js']);
    expect(preloads(res.text).some((l) => l.endsWith('-zh-CN.js'))).to.equal(false);
    expect(languageOf('fr-FR, en;q=0.5, zh;q=0.8')).to.equal('zh-CN');
    expect(languageOf('fr-FR')).to.equal('zh-CN');
    expect(languageOf(undefined)).to.equal('zh-CN');
  });

  it('answers a repeat request with 304 when the page has not changed', async () => {
    const first = await supertest(app).get('/report').set('Accept', 'text/html').expect(200);
    const etag = first.headers.etag as string;
    expect(etag).to.match(/^"[\w-]+"$/);
    await supertest(app).get('/report').set('Accept', 'text/html').set('If-None-Match', etag).expect(304);
    const home = await supertest(app).get('/').set('Accept', 'text/html').expect(200);
    expect(home.headers.etag).to.not.equal(etag);
  });

  it('sends index.html as it is when the build has no manifest', async () => {
    const dir = writeFixtureDist({ withManifest: false });
    dirs.push(dir);
    const res = await supertest(appWith({ webDist: dir })).get('/report').set('Accept', 'text/html').expect(200);
    expect(res.text).to.match(HOME_BUTTONS);
    expect(preloads(res.text)).to.deep.equal(['/assets/vendor-V1.js']);
  });

  it('knows every page module it names in the real build, when there is one (npm test builds it)', function () {
    const dist = path.resolve(import.meta.dirname, '../../web/dist');
    if (!existsSync(path.join(dist, '.vite', 'manifest.json'))) this.skip();
    const shell = loadWebShell(dist);
    expect(shell?.missingModules).to.deep.equal([]);
    expect(preloads(shell!.pageFor('/report', 'zh-CN').html).some((l) => /\/assets\/report-tip-page-[\w-]+\.js$/.test(l))).to.equal(true);
  });
});
