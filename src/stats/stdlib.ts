// The @stdlib distributions the statistics use, in one module. The build bundles this file
// with its dependencies into dist/stats/stdlib.js (scripts/bundle-vendor.mjs): the five
// packages are about 580 small files, and loading them one by one took ~0.2 s of every
// command's start-up; the bundle loads in ~0.04 s. Same code, so the same numbers.
export { default as betaQuantile } from '@stdlib/stats-base-dists-beta-quantile';
export { default as normalCdf } from '@stdlib/stats-base-dists-normal-cdf';
export { default as normalQuantile } from '@stdlib/stats-base-dists-normal-quantile';
export { default as tCdf } from '@stdlib/stats-base-dists-t-cdf';
export { default as tQuantile } from '@stdlib/stats-base-dists-t-quantile';
