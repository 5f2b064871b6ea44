/** The vendors' wall-clock formats. */

const pad = (n: number): string => String(n).padStart(2, '0');

/** "YYYY-MM-DD HH:mm:ss" in local time, as both clients print open and create times. */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  );
}

export const unixSeconds = (ms: number): number => Math.floor(ms / 1000);
