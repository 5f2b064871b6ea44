import { neutralizeFormula } from '../../../../shared/export/spreadsheet-cell';
import type { Job } from '../../../../shared/model/job';

export const JOB_CSV_COLUMNS = [
  'job',
  'action',
  'started',
  'profile key',
  'label',
  'connection',
  'state',
  'error code',
  'vendor code',
  'message',
  'duration ms',
  'result',
  'file',
  'log',
] as const;

/**
 * One row per job item. Items carry no secrets (proxies and tokens never enter a JobItem),
 * so nothing here needs masking; the message is the vendor's reason or the success note.
 * An automation item adds its duration, its result (JSON), the file it wrote and its log
 * lines (one cell, a line each).
 */
export function jobsToCsv(jobs: readonly Job[]): string {
  const rows: string[] = [JOB_CSV_COLUMNS.join(',')];
  for (const job of jobs) {
    const started = new Date(job.createdAt).toISOString();
    for (const item of job.items) {
      rows.push(
        [
          job.id,
          job.label,
          started,
          item.key,
          item.label,
          item.connectionId,
          item.state,
          item.error?.code ?? '',
          item.error?.details?.vendorCode ?? '',
          item.error ? errorMessage(item.error) : (item.note ?? ''),
          item.output?.durationMs ?? '',
          item.output?.result ?? '',
          item.output?.file ?? '',
          item.output?.logs?.join('\n') ?? '',
        ]
          .map(csvField)
          .join(','),
      );
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

function errorMessage(error: NonNullable<Job['items'][number]['error']>): string {
  const vendor = error.details?.vendorMessage;
  return vendor && !error.message.includes(vendor)
    ? `${error.message} (vendor: ${vendor})`
    : error.message;
}

/** RFC 4180 quoting of a cell a spreadsheet opens as text, never as a formula. */
export function csvField(value: string | number): string {
  const text = neutralizeFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
