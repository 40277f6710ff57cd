import { createCanvas, loadImage } from '@napi-rs/canvas';
const [file, ...pts] = process.argv.slice(2);
const im = await loadImage(file); const c = createCanvas(im.width, im.height); const ctx = c.getContext('2d'); ctx.drawImage(im, 0, 0);
for (const p of pts) { const [x, y] = p.split(',').map(Number); console.log(p, Array.from(ctx.getImageData(x, y, 1, 1).data)); }
