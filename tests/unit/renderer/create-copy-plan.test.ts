import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { inLanguage } from './support/i18n';
import type { Profile } from '../../../shared/model';
import {
  copyAction,
  planCopy,
  sharedGroupId,
  skippedText,
} from '../../../renderer/src/features/create/copy-plan';
import { vendorConnection as connection, profile as fixture } from '../../fixtures/profile';

const profile = (connectionId: string, vendorId: string, groupId = '1'): Profile =>
  fixture(vendorId, {
    connectionId,
    vendor: connectionId.startsWith('cos') ? 'cos' : 'ixbrowser',
    name: `P ${vendorId}`,
    groupId,
    groupName: `G ${groupId}`,
  });

const connections = new Map([
  ['ix-1', connection('ix-1', 'ixbrowser', 'Main')],
  ['cos-1', connection('cos-1', 'cos', 'Cos')],
]);

describe('copy plan', () => {
  it('copies the ixBrowser profiles and says which CosLogin profiles are skipped and why', () => {
    const ps = [
      profile('ix-1', '1'),
      profile('cos-1', 'a'),
      profile('ix-1', '2'),
      profile('cos-1', 'b'),
    ];
    const plan = planCopy(
      [...ps.map((p) => p.key), 'ix-1/gone'],
      new Map(ps.map((p) => [p.key, p])),
      connections,
    );
    expect(plan.keys).toEqual(['ix-1/1', 'ix-1/2']);
    expect(plan.targets).toEqual([
      { connectionId: 'ix-1', label: 'Main (ixBrowser)', profiles: [ps[0], ps[2]] },
    ]);
    expect(plan.skipped).toEqual([
      { label: 'Cos (CosLogin)', count: 2, reason: { kind: 'cannot-copy', vendor: 'cos' } },
      { count: 1, reason: { kind: 'not-in-table' } },
    ]);
    expect(plan.skipped.map((s) => skippedText(s, i18next.t))).toEqual([
      "Cos (CosLogin): 2 profiles (CosLogin's Local API cannot copy profiles)",
      'Not in the table: 1 profile (no longer listed)',
    ]);
  });

  it('words the skipped profiles in the language the UI shows', async () => {
    const plan = planCopy(
      [profile('cos-1', 'a').key],
      new Map([profile('cos-1', 'a')].map((p) => [p.key, p])),
      connections,
    );
    const zh = await inLanguage('zh-CN', () => skippedText(plan.skipped[0]!, i18next.t));
    expect(zh).toBe('Cos (CosLogin)：1 个环境（CosLogin 的本地 API 不支持复制环境）');
  });

  it('builds the copy action with a group only where one was chosen', () => {
    expect(copyAction(undefined, { 'ix-1': '', 'ix-2': '' })).toEqual({ kind: 'copy' });
    expect(
      copyAction({ template: 'Copy {n}', start: 1, pad: 2 }, { 'ix-1': '12', 'ix-2': '' }),
    ).toEqual({
      kind: 'copy',
      name: { template: 'Copy {n}', start: 1, pad: 2 },
      groupIds: { 'ix-1': '12' },
    });
  });

  it('offers the group the selected profiles share, none when they differ', () => {
    expect(sharedGroupId([profile('ix-1', '1', '5'), profile('ix-1', '2', '5')])).toBe('5');
    expect(sharedGroupId([profile('ix-1', '1', '5'), profile('ix-1', '2', '6')])).toBe('');
  });
});
