import { tsImport } from 'tsx/esm/api';

/** Imports one of the app's TypeScript modules (e.g. its own buildSearchText), so the bench never re-implements app rules. */
export const importApp = (path) => tsImport(new URL(`../../${path}`, import.meta.url).href, import.meta.url);
