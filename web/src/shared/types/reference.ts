/** Reference data the API serves to everyone (GET /api/districts, /api/categories, …): the types are the schemas' (packages/schemas/src/reference.ts), never a copy. */
export type { Category, Community, District, Township } from '@hy/schemas/reference';
