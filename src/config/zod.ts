// zod, in one module: the build bundles this file with zod into dist/config/zod.js
// (scripts/bundle-vendor.mjs). Its 95 files loaded one by one took ~85 ms of every command's
// start-up, the bundle ~50 ms. Import zod's values from here (types may come from 'zod').
export { z } from 'zod';
