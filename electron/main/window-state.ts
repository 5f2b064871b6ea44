import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Bounds } from './window';
import { writeFileAtomic } from './fs/atomic-file';

const BoundsSchema = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().min(400),
  height: z.number().min(300),
});

/** Remembers the main window's size and position across restarts. */
export function loadWindowBounds(dataDir: string): Bounds | undefined {
  try {
    const parsed = BoundsSchema.safeParse(
      JSON.parse(readFileSync(join(dataDir, 'window.json'), 'utf8')),
    );
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function saveWindowBounds(dataDir: string, bounds: Bounds): Promise<void> {
  return writeFileAtomic(join(dataDir, 'window.json'), JSON.stringify(bounds));
}
