import { createCanvas, loadImage } from '@napi-rs/canvas';
import { writeFileSync } from 'node:fs';
const [out, cols, ...files] = process.argv.slice(2);
const imgs = await Promise.all(files.map((f) => loadImage(f)));
const w = imgs[0].width, h = imgs[0].height, c = Number(cols), rows = Math.ceil(imgs.length / c);
const canvas = createCanvas(c * (w + 8), rows * (h + 8));
const ctx = canvas.getContext('2d'); ctx.fillStyle = '#888'; ctx.fillRect(0, 0, canvas.width, canvas.height);
imgs.forEach((im, i) => ctx.drawImage(im, (i % c) * (w + 8) + 4, Math.floor(i / c) * (h + 8) + 4));
writeFileSync(out, canvas.toBuffer('image/png'));
