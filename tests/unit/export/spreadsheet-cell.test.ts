import { describe, expect, it } from 'vitest';
import { csvField, jobsToCsv } from '../../../electron/main/services/jobs/job-csv';
import { toTsv } from '../../../renderer/src/features/profiles/format';
import { neutralizeFormula } from '../../../shared/export/spreadsheet-cell';
import type { Job } from '../../../shared/model/job';

const SIGNS = ['=', '+', '-', '@', '＝', '＋', '－', '＠', '﹦', '﹫'];
const LEADERS: Record<string, string> = {
  nothing: '',
  space: '  ',
  tab: '\t',
  'line break': '\r\n',
  NBSP: '\u00a0',
  'ideographic space': '\u3000',
  'zero-width space': '\u200b',
  'zero-width joiner': '\u200d',
  'word joiner': '\u2060',
  BOM: '\ufeff',
  'a mix': ' \u00a0\u200b\n',
};

describe('formula cells in CSV and TSV exports', () => {
  it('neutralises a formula sign whatever invisible characters lead it', () => {
    for (const sign of SIGNS) {
      for (const [name, lead] of Object.entries(LEADERS)) {
        const cell = `${lead}${sign}HYPERLINK("https://evil.example","x")`;
        expect(neutralizeFormula(cell), `${name} + ${sign}`).toBe(`'${cell}`);
      }
    }
  });

  it('leaves text, plain numbers and empty cells alone', () => {
    for (const text of ['Shop 1', 'a=b', ' plain', '-1', '12.5', '', '   ', 'user@example.com']) {
      expect(neutralizeFormula(text)).toBe(text);
    }
  });

  it('the job CSV export neutralises every cell (label, profile name, vendor message)', () => {
    const job: Job = {
      id: 'j1',
      kind: 'open',
      label: '\u00a0=1+1',
      state: 'failures',
      createdAt: 0,
      total: 1,
      ok: 0,
      failed: 1,
      cancelled: 0,
      interrupted: 0,
      skipped: 0,
      items: [
        {
          key: 'c/1',
          label: '\u200b@SUM(A1)',
          connectionId: 'c',
          state: 'failed',
          error: { code: 'vendor-error', message: '＝cmd|"/c calc"!A1', retryable: false },
        },
      ],
    };
    const [, row] = jobsToCsv([job]).split('\r\n');
    expect(row).toContain(",'\u00a0=1+1,");
    expect(row).toContain(",'\u200b@SUM(A1),");
    expect(row).toContain(`"'＝cmd|""/c calc""!A1"`);
    expect(csvField(' -2+3')).toBe("' -2+3");
  });

  it('the copied TSV of profile rows neutralises every cell, the header too', () => {
    expect(toTsv(['Name', '=Remark'], [['\n=1+1', ' －1']])).toBe("Name\t'=Remark\n' =1+1\t' －1");
  });
});
