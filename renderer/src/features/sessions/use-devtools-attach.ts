import { useCallback, useState } from 'react';
import i18next from 'i18next';
import { toast } from 'sonner';
import type { DevtoolsTarget } from '../../../../shared/ipc/contract';
import { DeckError } from '../../../../shared/ipc/result';
import type { Session } from '../../../../shared/model';
import { deck, errorText } from '../../lib/deck';
import { bundledDevtoolsUrl, bundledDevtoolsUrlFromWs } from './snippets';

/** Where the one-click DevTools flow stands, when it needs the user. */
export type DevtoolsStep =
  | { kind: 'choose'; session: Session; address: string; targets: DevtoolsTarget[] }
  | {
      kind: 'failed';
      session: Session;
      message: string;
      /** devtools:// URL to paste into a Chromium address bar, when one can be built. */
      fallbackUrl?: string;
    };

const fallbackFor = (session: Session): string | undefined =>
  session.wsUrl ? bundledDevtoolsUrlFromWs(session.wsUrl) : undefined;

/**
 * One-click DevTools: list the page targets, open the only one directly, or let the user
 * choose. Any failure keeps the devtools:// URL at hand, since the user can still paste it.
 */
export function useDevtoolsAttach() {
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [step, setStep] = useState<DevtoolsStep | null>(null);

  const openTarget = useCallback(
    async (session: Session, address: string, target: DevtoolsTarget) => {
      setBusyKey(session.profileKey);
      try {
        const result = await deck().devtools.open({
          profileKey: session.profileKey,
          targetId: target.id,
        });
        if (result.ok) {
          setStep(null);
          toast.success(i18next.t('sessions.devtoolsDialog.opened'), {
            description: target.title || target.url,
          });
        } else {
          setStep({
            kind: 'failed',
            session,
            message: errorText(new DeckError(result.error)),
            fallbackUrl: bundledDevtoolsUrl(address, target.id),
          });
        }
      } finally {
        setBusyKey(null);
      }
    },
    [],
  );

  const attach = useCallback(
    async (session: Session) => {
      setBusyKey(session.profileKey);
      let listed: Awaited<ReturnType<ReturnType<typeof deck>['devtools']['targets']>>;
      try {
        listed = await deck().devtools.targets({ profileKey: session.profileKey });
      } finally {
        setBusyKey(null);
      }
      if (!listed.ok) {
        setStep({
          kind: 'failed',
          session,
          message: errorText(new DeckError(listed.error)),
          fallbackUrl: fallbackFor(session),
        });
        return;
      }
      const { address, targets } = listed.data;
      if (targets.length === 0) {
        setStep({
          kind: 'failed',
          session,
          message: i18next.t('sessions.devtoolsDialog.noPage'),
          fallbackUrl: fallbackFor(session),
        });
      } else if (targets.length === 1) {
        await openTarget(session, address, targets[0]!);
      } else {
        setStep({ kind: 'choose', session, address, targets });
      }
    },
    [openTarget],
  );

  const dismiss = useCallback(() => setStep(null), []);
  return { busyKey, step, attach, openTarget, dismiss };
}
