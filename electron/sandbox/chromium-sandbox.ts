/**
 * Whether a sandbox browser runs inside Chromium's own sandbox. On a user's desktop it must:
 * the emulator opens whatever start page a caller names. But Chromium refuses to start
 * sandboxed as root on Linux (containers, CI, this project's test machines), so the caller
 * decides, and says why, instead of a default that would hide the choice.
 */
export interface ChromiumSandboxDecision {
  chromiumSandbox: boolean;
  reason: string;
}

export interface ProcessUser {
  platform: NodeJS.Platform;
  /** undefined where there are no POSIX uids (Windows). */
  uid: number | undefined;
}

export const currentUser = (): ProcessUser => ({
  platform: process.platform,
  uid: process.getuid?.(),
});

/** On wherever Chromium allows it: everywhere but as root on Linux. */
export function decideChromiumSandbox(user: ProcessUser = currentUser()): ChromiumSandboxDecision {
  if (user.platform === 'linux' && user.uid === 0) {
    return {
      chromiumSandbox: false,
      reason: 'this process runs as root on Linux, where Chromium refuses to start sandboxed',
    };
  }
  return { chromiumSandbox: true, reason: 'Chromium can run sandboxed for this user' };
}
