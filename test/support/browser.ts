import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with the flags this sandbox needs; playwright gives each launch a fresh temporary profile. */
export async function launchBrowser(): Promise<{ browser: Browser; context: (opts?: { mobile?: boolean }) => Promise<BrowserContext>; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  return {
    browser,
    context: (opts = {}) => browser.newContext(opts.mobile
      ? { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' }
      : { viewport: { width: 1366, height: 900 }, locale: 'zh-CN' }),
    async close() {
      await browser.close();
    },
  };
}

/** Logs a demo user in through the login page of the mall (`/m`) or the console (`/admin`) and waits for the home page. */
export async function signIn(page: import('playwright-core').Page, baseUrl: string, app: 'mall' | 'console', login: string, password = 'dinghuo123') {
  await page.goto(`${baseUrl}${app === 'mall' ? '/m' : '/admin'}/login`);
  await page.getByTestId('login-input').fill(login);
  await page.getByTestId('password-input').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId(app === 'mall' ? 'home-company' : 'welcome').first().waitFor();
}
