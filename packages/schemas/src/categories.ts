/** The one list of tip categories (the web reads it from GET /api/categories). */
export const CATEGORIES = [
  { id: 'drugs', nameZh: '涉毒', nameEn: 'Drugs' },
  { id: 'gangs', nameZh: '涉黑涉恶', nameEn: 'Gangs / organized crime' },
  { id: 'fraud', nameZh: '电信网络诈骗', nameEn: 'Telecom and online fraud' },
  { id: 'illegal_fundraising', nameZh: '非法集资', nameEn: 'Illegal fundraising' },
  { id: 'theft_robbery', nameZh: '盗抢', nameEn: 'Theft / robbery' },
  { id: 'fugitive', nameZh: '在逃人员', nameEn: 'Fugitive' },
  { id: 'public_order', nameZh: '治安隐患', nameEn: 'Public-order hazard' },
  { id: 'traffic', nameZh: '交通安全', nameEn: 'Traffic safety' },
  { id: 'safety_hazard', nameZh: '安全隐患', nameEn: 'Safety / fire hazard' },
  { id: 'cult', nameZh: '邪教', nameEn: 'Cult' },
  { id: 'other', nameZh: '其他', nameEn: 'Other' },
] as const;

export type CategoryId = (typeof CATEGORIES)[number]['id'];
export const CATEGORY_IDS = CATEGORIES.map((c) => c.id) as [CategoryId, ...CategoryId[]];

/**
 * Categories whose tips are never published outside the police, not even as counts per district
 * (public figures) or as anonymised points (Open311): a gang, drug, fugitive or cult tip in a
 * small place can point at its tipster.
 */
export const SENSITIVE_CATEGORIES: ReadonlySet<CategoryId> = new Set(['gangs', 'drugs', 'fugitive', 'cult']);
export const PUBLIC_CATEGORY_IDS = CATEGORY_IDS.filter((id) => !SENSITIVE_CATEGORIES.has(id));

/** Hengyang's administrative area, generously rounded (tips must fall inside). */
export const CITY_BOUNDS = { minLat: 26.1, maxLat: 27.6, minLng: 111.5, maxLng: 113.3 } as const;
