import { toast } from 'sonner';

/**
 * Copies text and says so. The async Clipboard API needs a focused, permitted document;
 * where it refuses (older shells, denied permission) a hidden textarea and execCommand
 * still work from a click.
 */
export async function copyText(text: string, what?: string): Promise<boolean> {
  let copied = false;
  try {
    await navigator.clipboard.writeText(text);
    copied = true;
  } catch {
    copied = copyWithTextarea(text);
  }
  if (copied) toast.success('Copied', what ? { description: what } : undefined);
  else
    toast.error('Could not copy to the clipboard', {
      description: 'Select the text and copy it by hand.',
    });
  return copied;
}

function copyWithTextarea(text: string): boolean {
  const active = document.activeElement as HTMLElement | null;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    active?.focus();
  }
}
