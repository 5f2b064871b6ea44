/** What a run may leave in a job item: results and logs cut to the caps, never kept whole. */
import { describe, expect, it } from 'vitest';
import {
  LOG_LINE_MAX_CHARS,
  LOG_MAX_LINES,
  RESULT_MAX_CHARS,
  JobItemOutputSchema,
} from '../../../shared/model/automation';
import {
  boundResult,
  createLogLines,
} from '../../../electron/main/services/automation/task-output';

describe('task output caps', () => {
  it('keeps a result as JSON, cut to the cap with its whole length', () => {
    expect(boundResult({ title: 'Shop' })).toEqual({ result: '{"title":"Shop"}' });
    expect(boundResult(undefined)).toEqual({ result: 'null' });
    const big = boundResult('x'.repeat(1_000_000));
    expect(big.result).toHaveLength(RESULT_MAX_CHARS);
    expect(big.resultTruncated).toBe(1_000_002);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(JSON.parse(boundResult(cyclic).result!)).toMatchObject({
      error: expect.stringMatching(/^not JSON/),
    });
  });

  it('keeps the first log lines, each cut, and counts the rest', () => {
    const log = createLogLines();
    expect(log.lines()).toBeUndefined();
    for (let i = 0; i < 10_000; i++) log.add(i === 0 ? 'y'.repeat(100_000) : `line ${i}`);
    const lines = log.lines()!;
    expect(lines).toHaveLength(LOG_MAX_LINES + 1);
    expect(lines[0]).toHaveLength(LOG_LINE_MAX_CHARS);
    expect(lines.at(-1)).toBe(`… ${10_000 - LOG_MAX_LINES} more lines not kept`);
    // What it keeps is what the contract lets through.
    expect(
      JobItemOutputSchema.safeParse({
        durationMs: 1,
        logs: lines,
        ...boundResult('z'.repeat(99_999)),
      }).success,
    ).toBe(true);
  });
});
