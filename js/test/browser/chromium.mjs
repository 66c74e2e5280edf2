// chromium.mjs — how every browser test and benchmark launches Debian's
// Chromium through playwright-core: headless, as root (so no sandbox), and
// with the background networking that this machine's closed network refuses
// turned off. Never a downloaded browser.

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync'];

// launchOptions is what chromium.launch takes; extraArgs come first.
export function launchOptions({ timeout = 60_000, extraArgs = [] } = {}) {
  return { executablePath: '/usr/bin/chromium', headless: true, timeout, args: [...extraArgs, ...CHROMIUM_ARGS] };
}
