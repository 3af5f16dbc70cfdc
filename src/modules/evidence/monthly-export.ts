import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DAY } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { exportEvidencePack } from './export-pack.ts';
import { isDailySlot } from './run-hour.ts';
import { evidenceDb } from './store.ts';

/** The 01:00 UTC hour of the first day of a month. */
export const isMonthlySlot = (slot: number) => isDailySlot(slot) && new Date(slot).getUTCDate() === 1;

const exists = (path: string) => access(path).then(() => true, () => false);

/** Writes the pack of the month before `slot` to the organization's export directory, once; null when none is set. */
export async function exportPreviousMonth({ ctx, slot }: { ctx: Ctx; slot: number }): Promise<string | null> {
  const row = await evidenceDb(ctx.db).selectFrom('evidence_settings').select('export_dir').where('org_id', '=', ctx.orgId).executeTakeFirst();
  if (!row?.export_dir) return null;
  const last = new Date(slot - DAY).toISOString().slice(0, 10);
  const first = `${last.slice(0, 7)}-01`;
  const pack = await exportEvidencePack({ ctx: { ...ctx, role: 'auditor' }, input: { from: first, to: last } });
  const file = join(row.export_dir, pack.fileName.replace(`-${first}-${last}.tar`, `-${last.slice(0, 7)}.tar`));
  if (await exists(file)) return file;
  await mkdir(row.export_dir, { recursive: true });
  await writeFile(`${file}.tmp`, pack.chunks);
  await rename(`${file}.tmp`, file);
  return file;
}
