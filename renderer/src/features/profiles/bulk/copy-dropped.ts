import i18next from 'i18next';
import type { CopyDropped } from '../../../../../shared/model/copy-preview';

/** Why a field is not copied, in the UI's language: main sends the reason and its values. */
export const droppedReason = (d: Pick<CopyDropped, 'why' | 'params'>): string =>
  // The values are main's strings; the catalog type cannot follow a key built at run time.
  i18next.t(`bulk.copy.why.${d.why}` as never, { ...d.params } as never) as unknown as string;
