// Debian's Chromium, headless, as every browser test and benchmark here
// launches it: no sandbox (CI runs as root), and none of the background
// connections this machine's closed network refuses. CHROMIUM overrides the path.
import { chromium } from 'playwright-core';

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}
