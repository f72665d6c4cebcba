#!/usr/bin/env node
// `npx dinghuo <command>`: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

register();
process.env.DINGHUO_CLI = '1';
await import('../src/cli.ts');
