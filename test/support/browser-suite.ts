import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { startLiveServer } from './live-server.js';

export interface BrowserSuite {
  server: Awaited<ReturnType<typeof startLiveServer>>;
  chrome: Awaited<ReturnType<typeof launchBrowser>>;
}

/**
 * One live server (fresh database, demo data, built web app) and one Chromium for a browser test file. `carrier: true`
 * starts the simulated Kuaidi100 too (`server.sim`); `payments: true` the three payment gateway simulators (`server.paySims`).
 */
export function browserSuite(opts: { carrier?: boolean; payments?: boolean } = {}): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    suite.server = await startLiveServer({}, opts);
    suite.chrome = await launchBrowser();
  });
  afterAll(async () => {
    await suite.chrome?.close();
    await suite.server?.close();
  });
  return suite;
}
