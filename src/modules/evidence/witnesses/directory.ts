import { mkdir, rename, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import type { WitnessKind } from './types.ts';

const Settings = z.object({ path: z.string().min(1).max(1000).refine(isAbsolute, 'must be an absolute path') });

/** Writes `<path>/<orgId>/<time>-<seq>.json`, through a temporary file so readers never see half of one. */
export const directoryWitness: WitnessKind<z.infer<typeof Settings>> = {
  type: 'directory',
  settings: Settings,
  async publish({ checkpoint, document, settings }) {
    const dir = join(settings.path, checkpoint.orgId);
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${checkpoint.at.replaceAll(':', '')}-${checkpoint.seq}.json`);
    await writeFile(`${file}.tmp`, document);
    await rename(`${file}.tmp`, file);
    return file;
  },
};
