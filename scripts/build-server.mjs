#!/usr/bin/env node
// The production server: src/main.ts bundled by esbuild into dist/server/main.mjs (our code only; packages stay in
// node_modules, where their native and wasm parts live). `npm start` and the bench run this build, not tsx.
import { build } from 'esbuild';

const started = Date.now();
await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/server/main.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
console.log(`server built: dist/server/main.mjs in ${Date.now() - started} ms`);
