// Renders the app's icons (web/public/icons, favicon.ico) from web/public/favicon.svg with sharp;
// favicon.ico is then packed by ImageMagick: convert /tmp/fav-16.png /tmp/fav-32.png /tmp/fav-48.png web/public/favicon.ico
import sharp from 'sharp';
const src = new URL('../web/public/favicon.svg', import.meta.url).pathname;
const out = new URL('../web/public/icons/', import.meta.url).pathname;
const svg = (size) => sharp(src, { density: Math.ceil((72 * size) / 32) }).resize(size, size);
await svg(192).png({ palette: true }).toFile(out + 'icon-192.png');
await svg(512).png({ palette: true }).toFile(out + 'icon-512.png');
const inner = await svg(320).png().toBuffer();
await sharp({ create: { width: 512, height: 512, channels: 4, background: '#ffffff' } }).composite([{ input: inner, gravity: 'center' }]).png({ palette: true }).toFile(out + 'maskable-512.png');
const apple = await svg(140).png().toBuffer();
await sharp({ create: { width: 180, height: 180, channels: 4, background: '#ffffff' } }).composite([{ input: apple, gravity: 'center' }]).png({ palette: true }).toFile(out + 'apple-touch-icon.png');
for (const s of [16, 32, 48]) await svg(s).png().toFile(`/tmp/fav-${s}.png`);
