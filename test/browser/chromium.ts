// Launching Debian's Chromium for the browser tests through playwright-core (never a browser
// download of Playwright's own). The flags follow ../shared/DESIGN.md: no network services,
// no first-run, no GPU; Playwright gives every launch a fresh, throwaway profile.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian installs Chromium; STORYLINE_CHROMIUM overrides it. */
export const CHROMIUM_PATH = process.env.STORYLINE_CHROMIUM ?? '/usr/bin/chromium';

export function chromiumPresent(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
