/** Reference data the API serves to everyone (GET /api/districts, /api/categories, …): never a second copy here. */
export type District = { id: number; code: string; nameZh: string; nameEn: string };
export type Category = { id: string; nameZh: string; nameEn: string };
export type Community = { id: number; districtId: number; nameZh: string; nameEn: string };
