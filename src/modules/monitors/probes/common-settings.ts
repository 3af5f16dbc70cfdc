import { z } from 'zod';

export const TimeoutMs = z.int().min(1).max(300_000);

export const Host = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[^\s/]+$/, 'expected a host name or IP address');

export const Port = z.int().min(1).max(65_535);

export function compilesAsRegex(pattern: string): boolean {
  try {
    return Boolean(new RegExp(pattern));
  } catch {
    return false;
  }
}
