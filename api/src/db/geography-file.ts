/** A village or community (村/社区): 12-digit division code, names, lowercase pinyin and initials for search. */
export type CommunityRow = [code: string, nameZh: string, nameEn: string, pinyin: string, initials: string];

/** The shape of geo/hengyang.json, written by scripts/geo/extract-hengyang.ts. */
export type GeographyFile = {
  source: string;
  districts: {
    /** Our district id (districts.id). */
    id: number;
    /** The county-level division code (e.g. 430406 雁峰区). */
    divisionCode: string;
    townships: { code: string; nameZh: string; nameEn: string; communities: CommunityRow[] }[];
  }[];
};
