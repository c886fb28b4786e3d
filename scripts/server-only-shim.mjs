// Lets plain Node (the caisse CLI, db scripts) import modules marked `import 'server-only'`:
// outside Next's react-server build that package throws, and these scripts are server code anyway.
import Module, { createRequire, register } from 'node:module';

// ESM imports.
register(
  'data:text/javascript,' +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
      if (specifier === 'server-only') return { url: 'data:text/javascript,export {}', shortCircuit: true };
      return next(specifier, context);
    }`),
  import.meta.url,
);

// CommonJS requires: tsx compiles this project's .ts files to CJS (package.json has no "type": "module"),
// and the hook above does not see require() on Node 20. An already-loaded empty module stands in.
const require = createRequire(import.meta.url);
const serverOnlyPath = require.resolve('server-only');
const stub = new Module(serverOnlyPath);
stub.filename = serverOnlyPath;
stub.loaded = true;
stub.exports = {};
require.cache[serverOnlyPath] = stub;
