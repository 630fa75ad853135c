/** Reference data the API serves to everyone (GET /api/districts, /api/categories, …): never a second copy here. */
export type District = { id: number; code: string; nameZh: string; nameEn: string };
export type Category = { id: string; nameZh: string; nameEn: string };
/** A township (乡镇/街道) of a district. */
export type Township = { id: number; code: string; districtId: number; nameZh: string; nameEn: string };
/** A village or community (村/社区) with its 12-digit division code. */
export type Community = { id: number; code: string; districtId: number; townshipId: number; nameZh: string; nameEn: string };
