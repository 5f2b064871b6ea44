import type { Connection } from '../../../../shared/model';
import { VENDOR_LABEL } from '../../../../shared/model';
import type { CommonDraft, FieldErrors } from './create-form';
import { controlClass, FormField } from '../../components/FormField';
import { GroupPicker } from './GroupPicker';
import { LikeProfilePicker } from './LikeProfilePicker';

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
  const vendor = VENDOR_LABEL[connection.vendor];
  return (
    <>
      <div className="grid grid-cols-2 gap-3">
        <FormField label="Group" error={errors.groupId}>
          <GroupPicker
            connectionId={connection.id}
            value={draft.groupId}
            onChange={(groupId) => set({ groupId })}
            emptyLabel="Default group"
          />
        </FormField>
        <FormField label="Tags" hint="Comma-separated, e.g. shop, us" error={errors.tags}>
          <input
            value={draft.tags}
            onChange={(e) => set({ tags: e.target.value })}
            className={controlClass}
          />
        </FormField>
      </div>
      <FormField label="Remark" error={errors.remark}>
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
          label="Start URL"
          hint="The page the profile opens on; empty: the vendor's default"
          error={errors.startUrl}
        >
          <input
            type="url"
            placeholder="https://example.com"
            value={draft.startUrl}
            onChange={(e) => set({ startUrl: e.target.value })}
            className={controlClass}
          />
        </FormField>
      )}
      {connection.capabilities.createNeedsConfig && (
        <fieldset className="space-y-2 rounded border border-zinc-200 p-3 dark:border-zinc-800">
          <legend className="px-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
            Configuration
          </legend>
          <p className="text-xs text-zinc-500">
            {vendor}’s Local API creates a profile only with a complete browser configuration
            (fingerprint, engine, window settings). Name, group, tags, remark and proxy are yours
            either way.
          </p>
          <label className="flex items-center gap-2 text-[13px]">
            <input
              type="radio"
              name="config-source"
              checked={draft.configSource === 'default'}
              onChange={() => set({ configSource: 'default' })}
            />
            The connection’s default template
          </label>
          <label className="flex items-center gap-2 text-[13px]">
            <input
              type="radio"
              name="config-source"
              checked={draft.configSource === 'like'}
              onChange={() => set({ configSource: 'like' })}
            />
            Like an existing profile
          </label>
          {draft.configSource === 'like' && (
            <FormField label="Copy the configuration of" error={errors.likeProfileKey}>
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
