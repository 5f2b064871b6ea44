/**
 * The spreadsheet round trip without a vendor: what the export writes reads back as no
 * change at all, whatever the names hold; a changed cell becomes the edit of that field
 * only; a proxy cell takes every format the proxy-list parser reads, with URL-form
 * credentials percent-decoded; and a wrong line says its line, column and why.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { profilesToCsv } from '../../../shared/export/profile-sheet';
import { previewSheet, wrongLines, type SheetContext } from '../../../shared/export/sheet-import';
import { proxyCell, readProxyCell } from '../../../shared/export/proxy-cell';
import type { Group, Profile, ProxyConfig } from '../../../shared/model';
import { profile } from '../../fixtures/profile';

const NO_PROXY = profile(0).proxy;
const proxy = (over: Partial<ProxyConfig>): ProxyConfig => ({
  ...NO_PROXY,
  type: 'http',
  host: '203.0.113.5',
  port: 8080,
  ...over,
});

const connections = [
  { id: 'ix-1a2b3c', label: 'Shop PC' },
  { id: 'cos-4d5e6f', label: '工作室 CosLogin' },
];
const groups: Group[] = [
  { connectionId: 'ix-1a2b3c', id: '1', name: 'Default' },
  { connectionId: 'ix-1a2b3c', id: '2', name: 'Warmup' },
  { connectionId: 'ix-1a2b3c', id: '7', name: '#7' },
  { connectionId: 'cos-4d5e6f', id: '3', name: '预热' },
];
const ix = (id: number, over: Partial<Profile> = {}) =>
  profile(id, { connectionId: 'ix-1a2b3c', ...over });
const cos = (id: number, over: Partial<Profile> = {}) =>
  profile(id, {
    connectionId: 'cos-4d5e6f',
    vendor: 'cos',
    groupId: '3',
    groupName: '预热',
    ...over,
  });

/** Names and remarks a spreadsheet or a CSV parser might trip on. */
const TRICKY: Profile[] = [
  ix(1, { name: '账号 97', remark: '中文备注，带逗号', tags: [{ id: 't1', name: 'vip' }] }),
  ix(2, { name: '=HYPERLINK("https://evil.example","x")', remark: '+1 555' }),
  ix(3, { name: 'He said "hi", then left', remark: 'two\nlines\r\nthree' }),
  ix(4, { name: "'quoted already", remark: '-', groupId: '7', groupName: '#7' }),
  ix(5, {
    name: '  spaced  ',
    proxy: proxy({ type: 'socks5', username: 'user@corp', hasPassword: true, port: 1080 }),
  }),
  ix(6, { proxy: proxy({ refreshUrl: 'https://refresh.example/x?a=1' }) }),
  ix(7, { proxy: proxy({ host: '2001:db8::1', username: 'u', hasPassword: false }) }),
  ix(8, { proxy: { ...NO_PROXY, method: 'vendor', type: 'http', vendorProxyId: '42' } }),
  ix(9, {
    proxy: { ...NO_PROXY, method: 'api', type: 'socks5', extractionUrl: 'https://api.example/get' },
  }),
  cos(10, {
    name: '＝SUM(A1)',
    tags: [
      { id: 'a', name: '新' },
      { id: 'b', name: 'b' },
    ],
  }),
];

const ctx = (profiles: Profile[] = TRICKY): SheetContext => ({ profiles, connections, groups });

/** The exported file with `edit` applied to the parsed rows, written back as a spreadsheet would. */
function edited(csv: string, edit: (rows: string[][]) => void, delimiter = ','): string {
  const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
  edit(rows);
  return Papa.unparse(rows, { delimiter, newline: '\r\n' });
}
const COL = { connection: 0, id: 1, name: 2, group: 3, tags: 4, remark: 5, proxy: 6 };

describe('the exported spreadsheet', () => {
  it('names the columns and never holds a password', () => {
    const csv = profilesToCsv(TRICKY, connections);
    expect(csv.split('\r\n')[0]).toBe('connection,id,name,group,tags,remark,proxy');
    const row5 = Papa.parse<string[]>(csv).data[5]!;
    expect(row5[COL.proxy]).toBe('socks5://user%40corp@203.0.113.5:1080');
    // A formula stays text in Excel.
    expect(Papa.parse<string[]>(csv).data[2]![COL.name]).toBe(
      `'=HYPERLINK("https://evil.example","x")`,
    );
  });

  it('reads back as no change at all, with no problem', () => {
    const preview = previewSheet(profilesToCsv(TRICKY, connections), ctx());
    expect(preview.problems).toEqual([]);
    expect(preview.changed).toEqual([]);
    expect(preview).toMatchObject({ rows: TRICKY.length, unchanged: TRICKY.length });
  });

  it('reads back the same after a spreadsheet saved it with a BOM and semicolons', () => {
    const csv = profilesToCsv(TRICKY, connections);
    const saved = `\uFEFF${edited(csv, () => {}, ';')}`;
    expect(previewSheet(saved, ctx())).toMatchObject({ changed: [], problems: [], unchanged: 10 });
  });

  it('a changed cell is the edit of that field only', () => {
    const csv = profilesToCsv(TRICKY, connections);
    const file = edited(csv, (rows) => {
      rows[1]![COL.name] = '账号 98';
      rows[3]![COL.remark] = 'one line';
      rows[4]![COL.group] = 'Warmup';
      rows[10]![COL.tags] = '新，c; b';
      rows[6]![COL.proxy] = 'http://u2:p%40x@198.51.100.1:3128';
    });
    const preview = previewSheet(file, ctx());
    expect(preview.problems).toEqual([]);
    expect(preview.unchanged).toBe(5);
    expect(preview.changed.map((c) => [c.line, c.edit])).toEqual([
      [2, { key: 'ix-1a2b3c/1', name: '账号 98' }],
      [4, { key: 'ix-1a2b3c/3', remark: 'one line' }],
      [5, { key: 'ix-1a2b3c/4', groupId: '2' }],
      [
        7,
        {
          key: 'ix-1a2b3c/6',
          proxy: expect.objectContaining({
            type: 'http',
            host: '198.51.100.1',
            port: 3128,
            username: 'u2',
            password: { action: 'set', value: 'p@x' },
            refreshUrl: '',
          }),
        },
      ],
      [11, { key: 'cos-4d5e6f/10', tags: ['新', 'c', 'b'] }],
    ]);
    const proxyChange = preview.changed[3]!.changes[0]!;
    expect(proxyChange).toEqual({
      column: 'proxy',
      before: 'http 203.0.113.5:8080',
      after: 'http u2:•••@198.51.100.1:3128 (new password)',
    });
  });

  it('compares only the columns the file has', () => {
    const file = 'id,connection,remark\r\n1,Shop PC,new remark\r\n2,ix-1a2b3c,+1 555\r\n';
    const preview = previewSheet(file, ctx());
    expect(preview.columns).toEqual(['remark']);
    expect(preview.changed.map((c) => c.edit)).toEqual([
      { key: 'ix-1a2b3c/1', remark: 'new remark' },
    ]);
    expect(preview.unchanged).toBe(1);
  });

  it('says which line, which column and why, and such a line changes nothing', () => {
    const file = [
      'connection,id,name,group,proxy,colour',
      'Shop PC,1,Renamed,Default,,red',
      'Nowhere,2,x,Default,,',
      'Shop PC,999,x,Default,,',
      'Shop PC,1,again,Default,,',
      'Shop PC,3,,Default,,',
      'Shop PC,4,ok,No such group,,',
      'Shop PC,6,ok,Default,http://1.2.3.4:99999,',
      'Shop PC,7,too,few',
      '工作室 CosLogin,10,ok,预热,host:80:u:p%40x,',
    ].join('\n');
    const preview = previewSheet(file, ctx());
    expect(preview.problems).toEqual([
      {
        line: 1,
        column: 'colour',
        message: expect.stringContaining('not a column'),
        key: 'header-unknown',
        params: { columns: expect.stringContaining('connection') },
        warning: true,
      },
      {
        line: 3,
        column: 'connection',
        message: 'no connection "Nowhere"',
        key: 'connection-unknown',
        params: { text: 'Nowhere' },
      },
      {
        line: 4,
        column: 'id',
        message: 'no profile 999 in Shop PC',
        key: 'profile-unknown',
        params: { id: '999', connection: 'Shop PC' },
      },
      {
        line: 5,
        column: 'id',
        message: 'the same profile as line 2: one line per profile',
        key: 'profile-repeated',
        params: { first: 2 },
      },
      { line: 6, column: 'name', message: 'empty: every profile needs a name', key: 'name-empty' },
      {
        line: 7,
        column: 'group',
        message: 'no group "No such group" in Shop PC; create it first',
        key: 'group-unknown',
        params: { text: 'No such group', connection: 'Shop PC' },
      },
      {
        line: 8,
        column: 'proxy',
        message: 'bad port "99999": must be 1-65535',
        key: 'proxy',
        proxy: { key: 'list', list: { key: 'port-bad', params: { value: '99999' } } },
      },
      {
        line: 9,
        message: 'has 4 cells where the header has 6: a cell was cut or added',
        key: 'cell-count',
        params: { cells: 4, width: 6 },
      },
    ]);
    expect(wrongLines(preview)).toBe(7);
    // The proxy-list form without a scheme takes credentials literally.
    expect(preview.changed.map((c) => c.edit)).toEqual([
      { key: 'ix-1a2b3c/1', name: 'Renamed' },
      {
        key: 'cos-4d5e6f/10',
        name: 'ok',
        proxy: expect.objectContaining({
          username: 'u',
          password: { action: 'set', value: 'p%40x' },
        }),
      },
    ]);
  });

  it('a header without connection and id reads nothing and says what it needs', () => {
    const preview = previewSheet('name,remark\nA,B\n', ctx());
    expect(preview.changed).toEqual([]);
    expect(preview.problems).toEqual([
      {
        line: 1,
        message: expect.stringContaining('the header needs connection and id'),
        key: 'header-needs-both',
        params: { columns: expect.any(String) },
      },
    ]);
  });

  it('a label two connections share is refused: the export writes their ids instead', () => {
    const twins = [
      { id: 'ix-1a2b3c', label: 'Twin' },
      { id: 'cos-4d5e6f', label: 'Twin' },
    ];
    const csv = profilesToCsv(TRICKY, twins);
    expect(Papa.parse<string[]>(csv).data[1]![COL.connection]).toBe('ix-1a2b3c');
    expect(previewSheet(csv, { ...ctx(), connections: twins }).changed).toEqual([]);
    const byLabel = previewSheet('connection,id,name\nTwin,1,X\n', {
      ...ctx(),
      connections: twins,
    });
    expect(byLabel.problems[0]).toMatchObject({
      line: 2,
      column: 'connection',
      message: expect.stringContaining('names 2 connections'),
    });
  });
});

describe('a proxy cell', () => {
  const withPassword = proxy({ username: 'u', hasPassword: true });

  it.each([
    ['203.0.113.9:80', { host: '203.0.113.9', port: 80, username: '' }],
    ['203.0.113.9:80:u:p:w', { username: 'u', password: { action: 'set', value: 'p:w' } }],
    ['u:pw@203.0.113.9:80', { username: 'u', password: { action: 'set', value: 'pw' } }],
    [
      'socks5h://u:p%3Aw@h.example:1080',
      { type: 'socks5', password: { action: 'set', value: 'p:w' } },
    ],
    ['[2001:db8::2]:8080', { host: '2001:db8::2', port: 8080 }],
    [
      'https://u@203.0.113.9:443 [https://refresh.example/r]',
      { type: 'https', refreshUrl: 'https://refresh.example/r' },
    ],
  ])('reads %s', (cell, expected) => {
    const read = readProxyCell(cell, NO_PROXY);
    expect(read).toMatchObject({ change: true, proxy: expected });
  });

  it('percent-decodes URL-form credentials: http://u:p%40x@host:80 has password p@x', () => {
    expect(readProxyCell('http://u:p%40x@host.example:80', NO_PROXY)).toMatchObject({
      change: true,
      proxy: { host: 'host.example', username: 'u', password: { action: 'set', value: 'p@x' } },
    });
    expect(readProxyCell('http://u:100%@host.example:80', NO_PROXY)).toEqual({
      error: 'the password has a % that is not percent-encoding (write %25 for a % sign)',
      problem: { key: 'percent-password' },
    });
  });

  it('without a password keeps the one of the same proxy, and clears it on another', () => {
    expect(readProxyCell(proxyCell(withPassword), withPassword)).toEqual({ change: false });
    expect(readProxyCell('http://u@203.0.113.5:8080', withPassword)).toEqual({ change: false });
    expect(readProxyCell('203.0.113.5:8080', withPassword)).toMatchObject({
      change: true,
      proxy: { username: '', password: { action: 'clear' } },
    });
    expect(readProxyCell('http://u@203.0.113.6:8080', withPassword)).toMatchObject({
      change: true,
      proxy: { host: '203.0.113.6', password: { action: 'clear' } },
    });
    expect(readProxyCell('http://u:new@203.0.113.5:8080', withPassword)).toMatchObject({
      change: true,
      proxy: { password: { action: 'set', value: 'new' } },
    });
  });

  it('empty or "direct" is no proxy; a vendor-managed one can only be left as it is', () => {
    expect(readProxyCell('', withPassword)).toMatchObject({
      change: true,
      proxy: { type: 'direct' },
    });
    expect(readProxyCell('direct', NO_PROXY)).toEqual({ change: false });
    const vendor: ProxyConfig = { ...NO_PROXY, method: 'vendor', vendorProxyId: '42' };
    expect(readProxyCell(proxyCell(vendor), vendor)).toEqual({ change: false });
    expect(readProxyCell('vendor-managed #43', vendor)).toMatchObject({
      error: expect.stringContaining('set in the vendor client'),
    });
  });
});
