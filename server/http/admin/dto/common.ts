/**
 * Building blocks of the admin API's answers (DTOs). Instants are ISO 8601 strings in UTC,
 * calendar days are 'YYYY-MM-DD', money is whole satang. Objects are strict so that, outside
 * production, an answer carrying anything undeclared (a stray column) fails its check.
 */
import { z } from 'zod';

export const instant = z.iso.datetime().describe('ISO 8601 instant (UTC)');
export const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('Calendar date YYYY-MM-DD (Bangkok)');
export const satang = z.number().int().describe('Whole satang (1 baht = 100 satang)');
export const id = z.string().min(1);

export function iso(date: Date): string {
  return date.toISOString();
}

export function isoOrNull(date: Date | null | undefined): string | null {
  return date ? date.toISOString() : null;
}
