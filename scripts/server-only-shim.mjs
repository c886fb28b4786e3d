// Lets plain Node (the caisse CLI, db scripts) import modules marked `import 'server-only'`:
// outside Next's react-server build that package throws, and these scripts are server code anyway.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
      if (specifier === 'server-only') return { url: 'data:text/javascript,export {}', shortCircuit: true };
      return next(specifier, context);
    }`),
  import.meta.url,
);
