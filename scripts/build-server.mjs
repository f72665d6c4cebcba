#!/usr/bin/env node
// The production server: src/main.ts bundled by esbuild into dist/server/main.mjs (our code only; packages stay in
// node_modules, where their native and wasm parts live). `npm start`, the bench, the soak and the reliability tests
// run this build, not tsx.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));

/** Bundles the server into `outfile` (relative to the repository); it finds migrations/ by walking up from there. */
export async function buildServerBundle(outfile = 'dist/server/main.mjs') {
  await build({
    absWorkingDir: REPO,
    entryPoints: ['src/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await buildServerBundle();
  console.log(`server built: dist/server/main.mjs in ${Date.now() - started} ms`);
}
