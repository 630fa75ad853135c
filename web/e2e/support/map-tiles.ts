import express from 'express';
import sharp from 'sharp';
import type { Config } from '../../../api/src/config';
import { appWith, listen } from '../../../api/test/support/harness';

/** The base map of the browser tests: served by the test server itself, so maps render offline. */
export const TEST_TILES: Config['mapTiles'] = { url: '/e2e-tiles/{z}/{x}/{y}.png', crs: 'wgs84', attribution: 'Test tiles' };

let tile: Promise<Buffer> | undefined;

/** A 256×256 PNG: pale land with a grid of roads, so a screenshot shows the tiles were drawn. */
function testTile(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256">
    <rect width="256" height="256" fill="#eef2e6"/>
    <path d="M0 64H256M0 192H256M64 0V256M192 0V256" stroke="#ffffff" stroke-width="6"/>
    <path d="M0 128H256M128 0V256" stroke="#f6d58e" stroke-width="10"/>
    <rect x="150" y="20" width="60" height="30" fill="#cfe3f5"/>
    <rect x="0.5" y="0.5" width="255" height="255" fill="none" stroke="#d8dccf"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** The app with TEST_TILES, behind a tile route of its own; counts the tiles served. */
export async function listenWithTiles(overrides: Partial<Config> = {}) {
  const outer = express();
  let served = 0;
  outer.get('/e2e-tiles/:z/:x/:y.png', async (_req, res) => {
    served++;
    res.type('image/png').send(await (tile ??= testTile()));
  });
  outer.use(appWith({ mapTiles: TEST_TILES, ...overrides }));
  const server = await listen(outer);
  return { ...server, tilesServed: () => served };
}
