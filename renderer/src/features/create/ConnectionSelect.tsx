import i18next from 'i18next';
import { VENDOR_LABEL, type Connection } from '../../../../shared/model';
import { controlClass } from '../../components/FormField';
import { useTranslation } from '../../i18n';

/** `Main (ixBrowser)`, worded when shown so it follows a language switch. */
export const connectionLabel = (c: Connection): string =>
  i18next.t('create.connectionLabel', { label: c.label || c.id, vendor: VENDOR_LABEL[c.vendor] });

/** The connection the new profiles go to. */
export function ConnectionSelect({
  connections,
  value,
  onChange,
  ...aria
}: {
  connections: readonly Connection[];
  value: string;
  onChange(id: string): void;
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const { t } = useTranslation();
  return (
    <select
      {...aria}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      className={controlClass}
    >
      {connections.length === 0 && <option value="">{t('create.noConnection')}</option>}
      {connections.map((c) => (
        <option key={c.id} value={c.id}>
          {c.health.state === 'error'
            ? t('create.connectionNotAnswering', { label: connectionLabel(c) })
            : connectionLabel(c)}
        </option>
      ))}
    </select>
  );
}
