import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { StaffMember } from './api.ts';
import type { Lang, Translate } from './i18n.ts';

export interface StaffContext {
  lang: Lang;
  t: Translate;
  staff: StaffMember;
  /** The LINE bridge when the app runs in LINE (PDFs open in the phone's browser there). */
  openExternal: ((url: string) => void) | null;
}

export const Ctx = createContext<StaffContext | null>(null);

export function useStaff(): StaffContext {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('useStaff outside the app');
  return ctx;
}
