/**
 * The proxy-list parser and the CSV import say what is wrong as a key and its values, and
 * the renderer words it (issue #24): in English exactly the parser's own sentence, in
 * Chinese from the catalog.
 */
import { describe, expect, it } from 'vitest';
import { inLanguage } from '../../support/i18n';
import { parseProxyList } from '../../../../../shared/proxy/proxy-list';
import { previewSheet } from '../../../../../shared/export/sheet-import';
import { listProblemText } from '../../../../../renderer/src/lib/proxy-list-text';
import { sheetProblemText } from '../../../../../renderer/src/features/profiles/sheet/sheet-problem-text';
import { profile } from '../../../../fixtures/profile';

const HAN = /[\u4e00-\u9fff]/;

const WRONG_LINES = [
  '1.2.3.4',
  '1.2.3.4:0',
  '1.2.3.4:80:alice',
  '300.1.1.1:8080',
  'socks4://1.2.3.4:1080',
  '::1:8080',
  '[::1:8080',
  '[::1]',
  '[zz::1]:80',
  ':s3cret@1.2.3.4:8080',
  'http://',
  '[https://refresh.example/x]',
  '1.2.3.4:8080 [ftp://r.example/]',
  '1.2.3.4 8080',
];

describe('a proxy line’s problem', () => {
  it.each(WRONG_LINES)(
    '%s: English is the parser’s sentence, Chinese the catalog’s',
    async (line) => {
      const [error] = parseProxyList(line).errors;
      expect(error).toBeDefined();
      expect(listProblemText(error!.problem)).toBe(error!.message);
      const chinese = await inLanguage('zh-CN', () => listProblemText(error!.problem));
      expect(chinese).toMatch(HAN);
      expect(chinese).not.toBe(error!.message);
    },
  );

  it('names the value it refuses in Chinese too', async () => {
    const [error] = parseProxyList('1.2.3.4:65536').errors;
    expect(await inLanguage('zh-CN', () => listProblemText(error!.problem))).toBe(
      '端口“65536”无效：必须在 1-65535 之间',
    );
  });

  it('a value the proxy schema refuses names the field as a form does', async () => {
    const [error] = parseProxyList(`1.2.3.4:80:u:${'x'.repeat(1025)}`).errors;
    expect(error!.problem).toMatchObject({ key: 'field-invalid' });
    expect(error!.problem.invalid?.field).toMatch(/^password/);
    expect(listProblemText(error!.problem)).toMatch(/^Proxy password: /);
    expect(await inLanguage('zh-CN', () => listProblemText(error!.problem))).toMatch(/^代理密码：/);
  });

  it('which reading of an ambiguous line was taken', async () => {
    const [entry] = parseProxyList('user:pass:1.2.3.4:8080').entries;
    expect(entry!.warningProblem).toEqual({ key: 'read-host-last' });
    expect(listProblemText(entry!.warningProblem!)).toBe(entry!.warning);
    expect(await inLanguage('zh-CN', () => listProblemText(entry!.warningProblem!))).toBe(
      '第 2 段不是端口；已按 user:pass:host:port 读取',
    );
  });
});

describe('a CSV import’s problem', () => {
  const connections = [{ id: 'ix-1', label: 'Shop PC' }];
  const ctx = {
    profiles: Array.from({ length: 12 }, (_, i) => profile(i + 1, { connectionId: 'ix-1' })),
    connections,
    groups: [{ connectionId: 'ix-1', id: '1', name: 'Default' }],
  };
  const file = [
    'connection,id,name,group,proxy,remark,colour',
    'Nowhere,1,x,Default,,,',
    ',1,x,Default,,,',
    'Shop PC,999,x,Default,,,',
    'Shop PC,,x,Default,,,',
    'Shop PC,1,,Default,,,',
    'Shop PC,1,ok,Default,,,',
    'Shop PC,2,ok,No such group,,,',
    `Shop PC,3,${'n'.repeat(201)},Default,,,`,
    'Shop PC,4,ok,,,,',
    'Shop PC,5,ok,Default,1.2.3.4:99999,,',
    'Shop PC,6,ok,Default,vendor-managed #4,,',
    'Shop PC,7,ok,Default,http://u:100%@h.example:80,,',
    `Shop PC,8,ok,Default,,${'r'.repeat(1001)},`,
    'Shop PC,9,ok,Default,user:pass:1.2.3.4:8080,,',
    'Shop PC,10,too,few',
  ].join('\n');

  it('every problem reads in English as the reader wrote it, and in Chinese', async () => {
    const { problems } = previewSheet(file, ctx);
    expect(new Set(problems.map((p) => p.key)).size).toBeGreaterThanOrEqual(12);
    for (const p of problems) {
      expect(sheetProblemText(p)).toBe(p.message);
      const chinese = await inLanguage('zh-CN', () => sheetProblemText(p));
      expect(chinese, p.message).toMatch(HAN);
    }
  });

  it('a header without its key columns, an empty file, a quote left open', async () => {
    const files = [
      'name\nx\n',
      'id,name\n1,x\n',
      'connection,name\nShop PC,x\n',
      '',
      'connection,id,name\nShop PC,1,"x\n',
    ];
    for (const text of files) {
      const { problems } = previewSheet(text, ctx);
      expect(problems.length).toBeGreaterThan(0);
      for (const p of problems) {
        expect(sheetProblemText(p)).toBe(p.message);
        expect(await inLanguage('zh-CN', () => sheetProblemText(p))).toMatch(HAN);
      }
    }
    const { problems } = previewSheet('id,name\n1,x\n', ctx);
    expect(await inLanguage('zh-CN', () => sheetProblemText(problems[0]!))).toMatch(
      /^表头需要 connection 列/,
    );
  });
});
