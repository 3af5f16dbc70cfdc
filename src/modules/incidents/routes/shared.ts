import { z } from 'zod';

export const IdParams = z.object({ id: z.string().min(1).max(64) });
export const page = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });
export const tags = ['incidents'];
