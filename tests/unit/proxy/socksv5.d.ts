// socksv5 ships no types; this is the part the proxy tests use.
declare module 'socksv5' {
  import type { Socket } from 'node:net';

  export interface ConnectionInfo {
    cmd: string;
    srcAddr: string;
    srcPort: number;
    dstAddr: string;
    dstPort: number;
  }
  export interface Auth {
    readonly __socksAuth: true;
  }
  export interface Server {
    listen(port: number, host: string, callback?: () => void): Server;
    address(): { address: string; port: number };
    useAuth(auth: Auth): Server;
    close(callback?: () => void): Server;
  }
  export function createServer(
    listener: (
      info: ConnectionInfo,
      accept: (intercept?: boolean) => Socket | undefined,
      deny: () => void,
    ) => void,
  ): Server;
  export const auth: {
    None(): Auth;
    UserPassword(
      check: (user: string, password: string, done: (ok: boolean) => void) => void,
    ): Auth;
  };
}
