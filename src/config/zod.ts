// zod, in one module: the build bundles this file with zod into dist/config/zod.js
// (scripts/bundle-vendor.mjs). Its 95 files, imported alone, took ~85 ms; the bundle ~50 ms.
// Import zod's values from here (types may come from 'zod').
export { z } from 'zod';
