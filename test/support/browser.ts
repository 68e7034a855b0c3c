// The browser suites' shared setup: Debian's Chromium through playwright-core, the app served on a
// free port of 127.0.0.1, screenshots under test-output/screenshots/, and the newsroom sign-in form.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { TestSite } from './site.ts';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOT_DIR = path.resolve('test-output/screenshots');

/** Debian's Chromium, headless, without any network of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
}

/** Serves the site on a free port of 127.0.0.1 and returns its origin (`http://127.0.0.1:port`). */
export async function serve(site: TestSite): Promise<string> {
  await site.app.listen({ host: '127.0.0.1', port: 0 });
  const address = site.app.server.address();
  assert.ok(address && typeof address === 'object');
  return `http://127.0.0.1:${address.port}`;
}

/** Where a screenshot of that name goes (the folder is made when missing). */
export function screenshotPath(name: string): string {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return path.join(SCREENSHOT_DIR, name);
}

/**
 * A full-page screenshot of a reader page as a reader scrolling through it sees it: the blocks
 * drawn only near the screen (site.css, --below-fold) are drawn for it, where a full-page capture
 * would leave them blank.
 */
export async function readerScreenshot(page: Page, name: string): Promise<void> {
  // Through the CSSOM: the site's CSP refuses a style tag.
  await page.evaluate(() => document.documentElement.style.setProperty('--below-fold', 'visible'));
  try {
    await page.screenshot({ path: screenshotPath(name), fullPage: true });
  } finally {
    await page.evaluate(() => document.documentElement.style.removeProperty('--below-fold'));
  }
}

/** Signs in through the newsroom's form and waits for the app to show the user. */
export async function signInThroughForm(page: Page, origin: string, user: { email: string; password: string }): Promise<void> {
  await page.goto(`${origin}/newsroom/`);
  await page.getByTestId('login-email').fill(user.email);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-name').waitFor();
}
