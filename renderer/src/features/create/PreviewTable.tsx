import type { PreviewRow } from './create-form';
import { useTranslation } from '../../i18n';

/** Every profile about to be created, one row each; the proxy shows no password. */
export function PreviewTable({ rows }: { rows: readonly PreviewRow[] }) {
  const { t } = useTranslation();
  return (
    <div className="max-h-[45vh] overflow-auto rounded border border-zinc-200 dark:border-zinc-800">
      <table aria-label={t('create.preview.label')} className="w-full border-collapse text-xs">
        <thead className="sticky top-0 bg-zinc-100 text-left text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
          <tr>
            <th scope="col" className="w-10 px-2 py-1 text-right font-medium">
              #
            </th>
            <th scope="col" className="px-2 py-1 font-medium">
              {t('create.field.name')}
            </th>
            <th scope="col" className="px-2 py-1 font-medium">
              {t('create.field.group')}
            </th>
            <th scope="col" className="px-2 py-1 font-medium">
              {t('create.field.tags')}
            </th>
            <th scope="col" className="px-2 py-1 font-medium">
              {t('create.field.proxy')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.n}
              className="border-t border-zinc-100 odd:bg-white even:bg-zinc-50 dark:border-zinc-800 dark:odd:bg-zinc-900 dark:even:bg-zinc-900/60"
            >
              <td className="px-2 py-0.5 text-right text-zinc-500 tabular-nums">{r.n}</td>
              <td className="px-2 py-0.5 font-medium">
                {r.name}
                {r.nameTaken && (
                  <span className="ml-1.5 rounded bg-amber-100 px-1 text-[11px] font-normal text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">
                    {t('create.preview.nameInUse')}
                  </span>
                )}
              </td>
              <td className="px-2 py-0.5">{r.group}</td>
              <td className="px-2 py-0.5">
                {r.tags || <span className="text-zinc-400">{t('create.preview.none')}</span>}
              </td>
              <td className="px-2 py-0.5 font-mono">{r.proxy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
