import i18next from 'i18next';
import type { Session } from '../../../../shared/model';

/** What a session is called on screen: its profile's name, else "Profile <vendor id>". */
export const sessionName = (s: Pick<Session, 'profileName' | 'vendorId'>): string =>
  s.profileName || i18next.t('sessions.profileFallback', { id: s.vendorId });
