import { Toaster } from 'sonner';
import { useToastInsets } from './toast-insets';
import { useTranslation } from '../i18n';

/** Sonner's own distance from the window's edges, kept past whatever claims an edge. */
export const TOAST_GAP = 16;

/** The app's one toast stack, bottom right, clear of the bulk bar and the side panel. */
export function AppToaster() {
  const { t } = useTranslation();
  const insets = useToastInsets();
  return (
    <Toaster
      richColors
      closeButton
      // Laid out one above the other: the job toasts cap themselves at three.
      expand
      gap={8}
      position="bottom-right"
      theme="system"
      offset={{ bottom: TOAST_GAP + insets.bottom, right: TOAST_GAP + insets.right }}
      containerAriaLabel={t('notices.toaster.label')}
      toastOptions={{ closeButtonAriaLabel: t('notices.toaster.closeToast') }}
    />
  );
}
