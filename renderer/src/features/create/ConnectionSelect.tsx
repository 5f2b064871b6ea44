import { VENDOR_LABEL, type Connection } from '../../../../shared/model';
import { controlClass } from '../../components/FormField';

export const connectionLabel = (c: Connection): string =>
  `${c.label || c.id} (${VENDOR_LABEL[c.vendor]})`;

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
  return (
    <select
      {...aria}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      className={controlClass}
    >
      {connections.length === 0 && <option value="">No connection: add one in Connections</option>}
      {connections.map((c) => (
        <option key={c.id} value={c.id}>
          {connectionLabel(c)}
          {c.health.state === 'error' ? ' · not answering' : ''}
        </option>
      ))}
    </select>
  );
}
