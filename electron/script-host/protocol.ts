/**
 * What main and a script's host process say to each other. Main sends one message, the
 * input; the host answers only on stdout, one JSON frame a line, which main reads with a
 * byte cap (a message channel would hand main whatever size the script chose to send).
 */

/** The profile as a script sees it: nothing secret (no proxy, no token, no password). */
export interface ScriptProfile {
  key: string;
  connectionId: string;
  vendor: string;
  vendorId: string;
  name: string;
  groupName: string;
  tags: string[];
  remark: string;
}

/** Main → host, once. */
export interface ScriptInput {
  v: 1;
  /** The profile browser's DevTools endpoint (loopback, checked by main). */
  endpoint: string;
  profile: ScriptProfile;
  /** The script module's file name, in the host's working directory. */
  script: string;
  /** playwright-core's entry file, resolved by main. */
  playwright: string;
}

/** Host → main, one a line on stdout. Anything else on stdout or stderr is a log line. */
export type HostFrame =
  | { deck: 'ready'; fileAccess: 'restricted' | 'unrestricted' }
  | { deck: 'log'; line: string }
  | { deck: 'result'; json: string; length: number }
  | { deck: 'error'; message: string };

/** The most of a result's JSON a frame carries; main keeps less (RESULT_MAX_CHARS). */
export const FRAME_RESULT_MAX = 64 * 1024;
