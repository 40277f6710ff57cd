// A module-resolution hook (node --experimental-loader): prints each module loaded, one
// "module <url>" line on stderr, so a test can see what a command imports.
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  process.stderr.write(`module ${result.url}\n`);
  return result;
}
