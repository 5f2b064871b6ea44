/**
 * A small live image of a Chromium profile's active page, refreshed every few seconds only
 * while it can be seen: its row is scrolled into view, Sessions is shown (the view unmounts
 * when left) and the window is visible (react-query pauses hidden intervals). Clicking it
 * brings that browser window to the front.
 */
import { useEffect, useRef, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { Session } from '../../../../shared/model';
import i18next from 'i18next';
import { fill } from '../../i18n/row-words';
import { sessionWords } from './session-words';
import { deck, errorText, unwrap } from '../../lib/deck';

export const THUMBNAIL_REFRESH_MS = 3000;

/** Worded by its row (sessionWords), which re-renders on a language switch. */
export function SessionThumbnail({ session }: { session: Session }) {
  const w = sessionWords().thumbnail;
  const chromium = session.engine !== 'firefox';
  const box = useRef<HTMLButtonElement>(null);
  const inView = useInView(box);
  const image = useQuery({
    queryKey: ['session-thumbnail', session.profileKey],
    queryFn: () => unwrap(deck().sessions.thumbnail({ profileKey: session.profileKey })),
    enabled: chromium && inView,
    refetchInterval: THUMBNAIL_REFRESH_MS,
    refetchIntervalInBackground: false,
    placeholderData: keepPreviousData,
    retry: false,
  });
  if (!chromium) return <span className="text-[11px] text-zinc-500">{w.firefox}</span>;
  const name = session.profileName || session.vendorId;
  const focus = async () => {
    try {
      await unwrap(deck().sessions.focus({ profileKey: session.profileKey }));
    } catch (e) {
      toast.error(i18next.t('sessions.thumbnail.focusFailed'), { description: errorText(e) });
    }
  };
  return (
    <button
      ref={box}
      type="button"
      onClick={() => void focus()}
      title={w.focus}
      aria-label={fill(w.focusLabel, name)}
      className="block h-14 w-24 overflow-hidden rounded border border-zinc-200 bg-zinc-100 hover:ring-2 hover:ring-blue-500/50 dark:border-zinc-800 dark:bg-zinc-900"
    >
      {image.data && (
        <img
          src={image.data.dataUrl}
          alt={fill(w.alt, name)}
          data-testid="session-thumbnail"
          className="h-full w-full object-cover"
        />
      )}
    </button>
  );
}

/** Whether the element is in the viewport of its scrolling ancestor. */
function useInView(ref: React.RefObject<HTMLElement | null>): boolean {
  const [inView, setInView] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new IntersectionObserver(([entry]) => setInView(entry!.isIntersecting));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return inView;
}
