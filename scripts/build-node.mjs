// Bundles the Node side: the browser-mode server, the Electron main process and its preload.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/server/serve.ts'],
    outfile: 'dist-electron/serve.js',
    format: 'esm',
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: ['electron/main/main.ts'],
    outfile: 'dist-electron/main.js',
    format: 'esm',
    packages: 'external',
  }),
  // A sandboxed preload must be one CommonJS file that requires nothing but 'electron'.
  build({
    ...common,
    entryPoints: ['electron/main/preload.ts'],
    outfile: 'dist-electron/preload.cjs',
    format: 'cjs',
    external: ['electron'],
    // It carries the contract's schemas (zod); minified it loads faster in every window.
    minify: true,
  }),
]);
