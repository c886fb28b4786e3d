// Lets plain Node render components that import CSS modules (bench only): each class name stands for itself.
require.extensions['.css'] = (module) => {
  module.exports = new Proxy({}, { get: (_, key) => (key === '__esModule' ? undefined : String(key)) });
};
