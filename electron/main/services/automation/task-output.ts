/**
 * What a profile's run may leave in its job item, cut to the caps in shared/model/automation.ts:
 * a page or a script decides what it returns and logs, and a job keeps every item in memory,
 * in its journal and in every progress event, so nothing it gives back is kept whole.
 */
import {
  LOG_LINE_MAX_CHARS,
  LOG_MAX_LINES,
  RESULT_MAX_CHARS,
  type JobItemOutput,
} from '../../../../shared/model/automation';

/** The result as JSON text, cut to the cap (with the whole length) when it is longer. */
export function boundResultText(json: string): Pick<JobItemOutput, 'result' | 'resultTruncated'> {
  if (json.length <= RESULT_MAX_CHARS) return { result: json };
  return { result: json.slice(0, RESULT_MAX_CHARS), resultTruncated: json.length };
}

/** A value as bounded JSON text; one JSON cannot hold says so instead. */
export function boundResult(value: unknown): Pick<JobItemOutput, 'result' | 'resultTruncated'> {
  let json: string | undefined;
  try {
    json = JSON.stringify(value ?? null);
  } catch (e) {
    return { result: JSON.stringify({ error: `not JSON: ${(e as Error).message}` }) };
  }
  return boundResultText(json ?? 'null');
}

/** Collects log lines up to the cap; what comes after is counted in one last line. */
export function createLogLines() {
  const lines: string[] = [];
  let dropped = 0;
  return {
    add(line: string): void {
      if (lines.length >= LOG_MAX_LINES) {
        dropped++;
        return;
      }
      lines.push(
        line.length > LOG_LINE_MAX_CHARS ? `${line.slice(0, LOG_LINE_MAX_CHARS - 1)}…` : line,
      );
    },
    /** The kept lines, and a last one counting the dropped ones; undefined when none came. */
    lines(): string[] | undefined {
      if (lines.length === 0) return undefined;
      return dropped
        ? [...lines, `… ${dropped} more line${dropped === 1 ? '' : 's'} not kept`]
        : [...lines];
    },
  };
}
export type LogLines = ReturnType<typeof createLogLines>;
