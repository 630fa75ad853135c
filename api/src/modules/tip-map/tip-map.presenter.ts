import type { CategoryId } from '@hy/schemas/categories';
import type { CellFeature, MapTips, TipFeature } from '@hy/schemas/tip-map';
import type { MapAnswer } from './tip-map';

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * GeoJSON (RFC 7946, WGS-84, [lng, lat]). A tip: id, reference, category, status, priority —
 * never the reporter or the text. A grid cell: its count, its bounds and the mean position of its tips.
 */
export function presentMap(answer: MapAnswer): MapTips {
  if (answer.mode === 'points') {
    return {
      type: 'FeatureCollection' as const,
      mode: 'points' as const,
      total: answer.points.length,
      features: answer.points.map((p): TipFeature => ({
        type: 'Feature' as const,
        id: p.id,
        // Six decimals (≈ 0.1 m), as the cells': not the database's 15–17 digits, ≈ 16 bytes less per point.
        geometry: { type: 'Point' as const, coordinates: [round6(p.lng), round6(p.lat)] },
        // Categories are checked against the one list when a tip is written; the column is plain text.
        properties: { kind: 'tip' as const, id: p.id, reference: p.reference, category: p.category as CategoryId, status: p.status, priority: p.priority },
      })),
    };
  }
  const size = answer.cellSize;
  return {
    type: 'FeatureCollection' as const,
    mode: 'grid' as const,
    cellSize: size,
    total: answer.cells.reduce((sum, c) => sum + c.count, 0),
    features: answer.cells.map((c): CellFeature => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [round6(Number(c.lng)), round6(Number(c.lat))] },
      properties: {
        kind: 'cell' as const,
        count: c.count,
        bbox: [round6(c.gx * size), round6(c.gy * size), round6((c.gx + 1) * size), round6((c.gy + 1) * size)],
      },
    })),
  };
}
