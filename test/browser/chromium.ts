/**
 * Headless Chromium for the browser tests: Debian's `chromium` package at /usr/bin/chromium,
 * driven by playwright-core (which downloads no browser of its own). Outside CI a machine without
 * Chromium skips these tests; under CI (CI=true) they run and fail when Chromium is missing, so
 * CI output can never hide a skipped browser test (.ci/run installs the package).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const IN_CI = process.env.CI === 'true';
export const HAS_CHROMIUM = existsSync(CHROMIUM);

/** `test`, or `test.skip` when Chromium is missing outside CI. */
export const browserTest: jest.It = HAS_CHROMIUM || IN_CI ? test : test.skip;

/** Under CI, a missing Chromium is a failure with the reason, not a skip. */
export function requireChromium(): void {
  if (!HAS_CHROMIUM)
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium; .ci/run does this)`,
    );
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  requireChromium();
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
