/**
 * A small JPEG of what a tab shows, straight from DevTools: the layout viewport scaled down
 * by Chromium itself (Page.captureScreenshot with a clip scale), so neither a full-size
 * image nor any image library passes through main.
 */
import type { CDPSession } from 'playwright-core';
import { THUMBNAIL_MAX_BYTES } from '../../../../shared/model/automation';

export interface ThumbnailOptions {
  /** Width in CSS pixels of the image; the height follows the viewport's ratio. */
  width?: number;
  quality?: number;
}

type Cdp = Pick<CDPSession, 'send'>;

/** The thumbnail, or undefined when the page is empty or the image would exceed the cap. */
export async function captureThumbnail(
  cdp: Cdp,
  options: ThumbnailOptions = {},
): Promise<Buffer | undefined> {
  const data = await captureThumbnailBase64(cdp, options);
  return data === undefined ? undefined : Buffer.from(data, 'base64');
}

/** The same, as DevTools sends it (base64), for a data URL: no decoding and encoding again. */
export async function captureThumbnailBase64(
  cdp: Cdp,
  { width = 320, quality = 55 }: ThumbnailOptions = {},
): Promise<string | undefined> {
  const { cssLayoutViewport: view } = await cdp.send('Page.getLayoutMetrics');
  if (!view.clientWidth || !view.clientHeight) return undefined;
  const scale = Math.min(1, width / view.clientWidth);
  const { data } = await cdp.send('Page.captureScreenshot', {
    format: 'jpeg',
    quality,
    clip: {
      x: view.pageX,
      y: view.pageY,
      width: view.clientWidth,
      height: view.clientHeight,
      scale,
    },
  });
  // base64: four characters for three bytes.
  if ((data.length * 3) / 4 > THUMBNAIL_MAX_BYTES) return undefined;
  return data;
}
