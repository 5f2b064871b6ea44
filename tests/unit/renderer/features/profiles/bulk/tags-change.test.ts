import { switchLanguage } from '../../../support/i18n';
import { afterEach, describe, expect, it } from 'vitest';
import {
  tagsJob,
  tagsOnProfiles,
} from '../../../../../../renderer/src/features/profiles/bulk/tags-change';
import { JobActionSchema } from '../../../../../../shared/model/job';
import { profile } from '../../../../../fixtures/profile';

const tags = (...names: string[]) => names.map((name) => ({ id: name, name }));

describe('the Tags dialog’s job', () => {
  it('adds or removes without touching other tags; replaces with set-tags', () => {
    const add = tagsJob('add', ['vip', 'new'], '3 profiles');
    expect(add).toEqual({
      ok: true,
      action: { kind: 'change-tags', add: ['vip', 'new'], remove: [] },
      what: 'Add "vip", "new" to 3 profiles',
    });
    expect(tagsJob('remove', ['vip'], '3 profiles')).toMatchObject({
      action: { kind: 'change-tags', add: [], remove: ['vip'] },
    });
    expect(tagsJob('replace', ['vip'], '3 profiles')).toMatchObject({
      action: { kind: 'set-tags', tags: ['vip'] },
    });
    // What the dialog sends is what main accepts.
    for (const job of [add, tagsJob('remove', ['x'], 'n'), tagsJob('replace', [], 'n')])
      if (job.ok) expect(JobActionSchema.safeParse(job.action).success).toBe(true);
  });

  it('says what is missing when adding or removing nothing; replacing with nothing clears', () => {
    expect(tagsJob('add', [], '1 profile')).toEqual({
      ok: false,
      message: 'Name the tags to add, separated by commas',
    });
    expect(tagsJob('remove', [], '1 profile')).toMatchObject({ ok: false });
    expect(tagsJob('replace', [], '1 profile')).toMatchObject({
      ok: true,
      action: { kind: 'set-tags', tags: [] },
      what: 'Remove all tags from 1 profile',
    });
  });

  afterEach(() => switchLanguage('en'));
  it('names the job and what is missing in the language chosen', async () => {
    await switchLanguage('zh-CN');
    expect(tagsJob('add', ['vip'], '3 个环境')).toMatchObject({ what: '为 3 个环境添加 “vip”' });
    expect(tagsJob('remove', [], '1 个环境')).toEqual({
      ok: false,
      message: '请填写要移除的标签，用逗号分隔',
    });
  });

  it('offers for removal the tags the selection has, most common first', () => {
    const selected = [
      profile(1, { tags: tags('b', 'a') }),
      profile(2, { tags: tags('a') }),
      profile(3, { tags: tags('c') }),
    ];
    expect(tagsOnProfiles(selected)).toEqual([
      { name: 'a', count: 2 },
      { name: 'b', count: 1 },
      { name: 'c', count: 1 },
    ]);
  });
});
