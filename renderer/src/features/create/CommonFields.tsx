import type { Connection } from '../../../../shared/model';
import { VENDOR_LABEL } from '../../../../shared/model';
import type { CommonDraft, FieldErrors } from './create-form';
import { controlClass, FormField } from '../../components/FormField';
import { GroupPicker } from './GroupPicker';
import { LikeProfilePicker } from './LikeProfilePicker';
import { useTranslation } from '../../i18n';

/** An example address, the same in every language. */
const EXAMPLE_URL = 'https://example.com';

type CommonErrors = FieldErrors<'groupId' | 'tags' | 'remark' | 'startUrl' | 'likeProfileKey'>;

/** Group, tags, remark, start URL and (CosLogin) the configuration source: every create form's. */
export function CommonFields({
  connection,
  draft,
  set,
  errors,
}: {
  connection: Connection;
  draft: CommonDraft;
  set(patch: Partial<CommonDraft>): void;
  errors: CommonErrors;
}) {
  const { t } = useTranslation();
  const vendor = VENDOR_LABEL[connection.vendor];
  return (
    <>
      <div className="grid grid-cols-2 gap-3">
        <FormField label={t('create.field.group')} error={errors.groupId}>
          <GroupPicker
            connectionId={connection.id}
            value={draft.groupId}
            onChange={(groupId) => set({ groupId })}
            emptyLabel={t('create.defaultGroup')}
          />
        </FormField>
        <FormField
          label={t('create.field.tags')}
          hint={t('create.field.tagsHint')}
          error={errors.tags}
        >
          <input
            value={draft.tags}
            onChange={(e) => set({ tags: e.target.value })}
            className={controlClass}
          />
        </FormField>
      </div>
      <FormField label={t('create.field.remark')} error={errors.remark}>
        <textarea
          rows={2}
          maxLength={1000}
          value={draft.remark}
          onChange={(e) => set({ remark: e.target.value })}
          className={controlClass}
        />
      </FormField>
      {connection.capabilities.startUrl && (
        <FormField
          label={t('create.field.startUrl')}
          hint={t('create.field.startUrlHint')}
          error={errors.startUrl}
        >
          <input
            type="url"
            placeholder={EXAMPLE_URL}
            value={draft.startUrl}
            onChange={(e) => set({ startUrl: e.target.value })}
            className={controlClass}
          />
        </FormField>
      )}
      {connection.capabilities.createNeedsConfig && (
        <fieldset className="space-y-2 rounded border border-zinc-200 p-3 dark:border-zinc-800">
          <legend className="px-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
            {t('create.config.title')}
          </legend>
          <p className="text-xs text-zinc-500">{t('create.config.text', { vendor })}</p>
          <label className="flex items-center gap-2 text-[13px]">
            <input
              type="radio"
              name="config-source"
              checked={draft.configSource === 'default'}
              onChange={() => set({ configSource: 'default' })}
            />
            {t('create.config.default')}
          </label>
          <label className="flex items-center gap-2 text-[13px]">
            <input
              type="radio"
              name="config-source"
              checked={draft.configSource === 'like'}
              onChange={() => set({ configSource: 'like' })}
            />
            {t('create.config.like')}
          </label>
          {draft.configSource === 'like' && (
            <FormField label={t('create.config.copyOf')} error={errors.likeProfileKey}>
              <LikeProfilePicker
                connectionId={connection.id}
                value={draft.likeProfileKey}
                onChange={(likeProfileKey) => set({ likeProfileKey })}
              />
            </FormField>
          )}
        </fieldset>
      )}
    </>
  );
}
