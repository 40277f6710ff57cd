// Module resolve hook (registered by stages.js): imports of the chart renderer from the
// report renderers get timed-charts.js instead, so the time spent drawing charts inside
// renderPdf and renderHtml can be told apart from layout and writing. Nothing else changes.
let target = '';
let replacement = '';

export async function initialize(data) {
  ({ target, replacement } = data);
}

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (resolved.url === target && context.parentURL !== replacement) return { ...resolved, url: replacement };
  return resolved;
}
