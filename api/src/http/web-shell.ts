import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The first pages of the web app, as web/src routes load them (`lazyPage(load, [namespaces])`):
 * the page modules (layout, then page) and the locale files (web/src/locales/<language>/<file>.json).
 * A path segment `:x` matches any one segment. A page missing here still works; it just loads its
 * chunks after the entry, as before.
 */
export const FIRST_PAGES: { path: string; modules: string[]; namespaces: string[]; shell?: ShellText }[] = [
  { path: '/sign-in', modules: ['src/app/volunteer/sign-in-page.tsx'], namespaces: ['auth', 'two-factor'] },
  { path: '/register', modules: ['src/app/volunteer/register-page.tsx'], namespaces: ['auth'] },
  {
    path: '/report',
    modules: ['src/app/volunteer/report-tip-page.tsx'],
    namespaces: ['tips', 'anti-spam'],
    shell: {
      title: { key: 'tips:report.title', 'zh-CN': '举报线索', en: 'Report a tip' },
      intro: {
        key: 'tips:report.intro',
        'zh-CN': '告诉警方你看到了什么。只写你确定的情况，警方需要时会请你补充。',
        en: 'Tell the police what you saw. Only what you know for sure: you can add details later if the police ask.',
      },
    },
  },
  {
    path: '/my-tips',
    modules: ['src/app/volunteer/my-tips-page.tsx'],
    namespaces: ['tips'],
    shell: { title: { key: 'tips:list.title', 'zh-CN': '我的线索', en: 'My tips' } },
  },
  { path: '/my-tips/:tipId', modules: ['src/app/volunteer/tip-detail-page.tsx'], namespaces: ['tips', 'messages'] },
  { path: '/track', modules: ['src/app/volunteer/track-tip-page.tsx'], namespaces: ['messages', 'tips'] },
  { path: '/leaderboard', modules: ['src/app/volunteer/leaderboard-page.tsx'], namespaces: ['points'] },
  { path: '/points', modules: ['src/app/volunteer/points-page.tsx'], namespaces: ['points'] },
  { path: '/campaigns', modules: ['src/app/volunteer/campaigns-page.tsx'], namespaces: ['campaigns'] },
  { path: '/campaigns/:campaignId', modules: ['src/app/volunteer/campaign-page.tsx'], namespaces: ['campaigns'] },
  { path: '/rewards', modules: ['src/app/volunteer/rewards-page.tsx'], namespaces: ['points'] },
  { path: '/stats', modules: ['src/app/public/public-stats-page.tsx'], namespaces: ['stats'] },
  {
    path: '/organizer',
    modules: ['src/layouts/organizer-layout.tsx', 'src/app/organizer/organizer-dashboard-page.tsx'],
    namespaces: ['points'],
    shell: { title: { key: 'points:organizer.title', 'zh-CN': '组织员工作台', en: 'Organizer dashboard' } },
  },
  { path: '/organizer/campaigns', modules: ['src/layouts/organizer-layout.tsx', 'src/app/campaign-desk-page.tsx'], namespaces: ['points', 'campaigns'] },
  { path: '/police', modules: ['src/app/police/police-layout.tsx', 'src/app/police/queue-page.tsx'], namespaces: ['police', 'tips', 'verifications'] },
  { path: '/police/tips/:tipId', modules: ['src/app/police/police-layout.tsx', 'src/app/police/police-tip-page.tsx'], namespaces: ['police', 'tips', 'verifications', 'messages'] },
  { path: '/police/cases', modules: ['src/app/police/police-layout.tsx', 'src/app/police/cases-page.tsx'], namespaces: ['police', 'tips'] },
  { path: '/police/cases/:caseId', modules: ['src/app/police/police-layout.tsx', 'src/app/police/case-page.tsx'], namespaces: ['police', 'tips'] },
  { path: '/police/map', modules: ['src/app/police/police-layout.tsx', 'src/app/police/map-page.tsx'], namespaces: ['police', 'tips'] },
  { path: '/police/stats', modules: ['src/app/police/police-layout.tsx', 'src/app/police/stats-page.tsx'], namespaces: ['police', 'tips', 'stats'] },
];

const LANGUAGES = ['zh-CN', 'en'] as const;
type Language = (typeof LANGUAGES)[number];

/** A string of web/src/locales (`namespace:key`, the test compares them) in both languages. */
type ShellString = { key: string } & Record<Language, string>;
/** What the page itself shows first (its title, its introduction), on screen before its code arrives. */
type ShellText = { title: ShellString; intro?: ShellString };

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

type ManifestChunk = { file: string; imports?: string[]; css?: string[] };
type Manifest = Record<string, ManifestChunk>;

/**
 * Every other app page: not the home page's title and buttons, which would flash before the page
 * replaces them, but the page's own title (and introduction) where the table gives them, in the
 * reader's language, and a loading line.
 */
function pageMain(shell: ShellText | undefined, language: Language): string {
  const lines = [
    shell ? `<h1 class="page-title">${escapeHtml(shell.title[language])}</h1>` : '',
    shell?.intro ? `<p class="page-intro">${escapeHtml(shell.intro[language])}</p>` : '',
    `<p class="loading" role="status">${language === 'en' ? 'Loading…' : '加载中…'}</p>`,
  ];
  return lines.filter(Boolean).join('\n        ');
}

export type WebPage = { html: string; etag: string };
export type WebShell = {
  /** The page for an app route, in the language of the request's Accept-Language (as the web app picks it when nothing is saved). */
  pageFor(urlPath: string, acceptLanguage: string | undefined): WebPage;
  /** Page modules named above that the build does not have (the table has drifted from the routes). */
  missingModules: string[];
};

/** The browser's first Chinese or English preference, else Chinese — web/src/lib/i18n.ts's `detectLanguage` without the saved choice. */
export function languageOf(acceptLanguage: string | undefined): Language {
  const tags = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { tag, q: q ? Number(q[1]) : 1, index };
    })
    .filter((t) => t.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of tags) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

/** A route pattern's segments, split once at start-up; `null` stands for a `:x` segment. */
function segmentsOf(pattern: string): (string | null)[] {
  return pattern.split('/').map((segment) => (segment.startsWith(':') ? null : segment));
}

function matches(want: (string | null)[], urlPath: string): boolean {
  const got = (urlPath.length > 1 ? urlPath.replace(/\/+$/, '') : urlPath).split('/');
  return want.length === got.length && want.every((segment, i) => (segment === null ? got[i] !== '' : segment === got[i]));
}

/** The chunk and everything it imports statically, as manifest keys. */
function closure(manifest: Manifest, keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return seen;
}

/**
 * index.html as the server sends it for each app route, worked out once at start-up from the
 * build's manifest (`build.manifest` in web/vite.config.ts): the route's page chunks, the chunks
 * they import and its strings named in the head (`modulepreload`), so they load alongside the
 * entry instead of one round trip after another (entry → page chunk → its imports); and, on every
 * page but the home page, a shell without the home page's title and buttons. Null when the build
 * has no manifest: index.html is then sent as it is. The service worker keeps the plain
 * /index.html for offline navigations (its chunks are precached, no preload needed).
 */
export function loadWebShell(webDist: string): WebShell | null {
  let manifest: Manifest;
  let indexHtml: string;
  try {
    manifest = JSON.parse(readFileSync(path.join(webDist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
    indexHtml = readFileSync(path.join(webDist, 'index.html'), 'utf8');
  } catch {
    return null;
  }
  if (!indexHtml.includes('</head>')) return null;

  const inEntry = closure(manifest, Object.keys(manifest).filter((key) => key === 'index.html'));
  const otherMain = (shell: ShellText | undefined, language: Language) =>
    indexHtml.replace(
      /(<main id="main" class="app-main">)[\s\S]*?(<noscript>[\s\S]*?<\/noscript>\s*)?(<\/main>)/,
      (_all, open: string, noscript = '', close: string) => `${open}\n        ${pageMain(shell, language)}\n        ${noscript}${close}`,
    );
  const missingModules = [...new Set(FIRST_PAGES.flatMap((page) => page.modules))].filter((key) => !manifest[key]);

  const links = (modules: string[], namespaces: string[], language: Language): string => {
    // The home page names nothing more than its build does: its strings in the wrong language
    // (a saved choice the server cannot see) would weigh on the page with the tightest budget.
    const strings = modules.length ? ['common', ...namespaces] : [];
    const keys = closure(manifest, [...modules, ...strings.map((ns) => `src/locales/${language}/${ns}.json`)]);
    const tags: string[] = [];
    for (const key of keys) {
      if (inEntry.has(key)) continue;
      // Low priority: the entry's own chunks (high) come first; these follow while it evaluates.
      tags.push(`<link rel="modulepreload" fetchpriority="low" crossorigin href="/${manifest[key].file}">`);
      // Not render-blocking: the page's own loader adds the stylesheet; this only fetches it early.
      for (const css of manifest[key].css ?? []) tags.push(`<link rel="preload" as="style" fetchpriority="low" crossorigin href="/${css}">`);
    }
    return tags.map((tag) => `  ${tag}\n  `).join('');
  };
  const page = (html: string, modules: string[], namespaces: string[], language: Language): WebPage => {
    const body = html.replace('</head>', `${links(modules, namespaces, language)}</head>`);
    return { html: body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
  };

  const pages = new Map<string, WebPage>();
  for (const language of LANGUAGES) {
    pages.set(`${language} /`, page(indexHtml, [], [], language));
    pages.set(`${language} *`, page(otherMain(undefined, language), [], [], language));
    for (const first of FIRST_PAGES) pages.set(`${language} ${first.path}`, page(otherMain(first.shell, language), first.modules, first.namespaces, language));
  }
  const routes = FIRST_PAGES.map((first) => ({ path: first.path, segments: segmentsOf(first.path) }));
  const get = (key: string): WebPage => {
    const found = pages.get(key);
    if (!found) throw new Error(`no page ${key}`);
    return found;
  };
  return {
    missingModules,
    pageFor(urlPath, acceptLanguage) {
      const language = languageOf(acceptLanguage);
      if (urlPath === '/') return get(`${language} /`);
      const first = routes.find((r) => matches(r.segments, urlPath));
      return get(`${language} ${first ? first.path : '*'}`);
    },
  };
}
