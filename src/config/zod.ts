// The parts of zod the config schema uses, in one module: the build bundles this file with
// zod into dist/config/zod.js (scripts/bundle-vendor.mjs). zod's 95 files, imported alone, took
// ~85 ms. Its `z` namespace took ~56 ms even bundled: it carries everything zod has (every
// language's error messages among them), which a bundler cannot leave out of a namespace
// object; the functions named here bundle to a quarter of the bytes and load in ~30 ms.
// Import zod's values from here (types may come from 'zod').
import { array, boolean, enum as enumOf, literal, number, partialRecord, record, strictObject, string, toJSONSchema, union } from 'zod';
import type { z as zod } from 'zod';

export const z = { array, boolean, enum: enumOf, literal, number, partialRecord, record, strictObject, string, toJSONSchema, union };

/** zod's type helpers under their usual names: z.infer<typeof Schema>, z.input<typeof Schema>. */
export declare namespace z {
  type infer<T> = zod.infer<T>;
  type input<T> = zod.input<T>;
}
