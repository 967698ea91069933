import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang, PortalDocument, PortalView } from '../../server/portal/portal-view.ts';
import type { Translate } from './i18n.ts';
import type { LiffBridge } from './liff/types.ts';
import type { LiveStatus } from './live.ts';

export interface PortalContext {
  view: PortalView;
  token: string;
  lang: Lang;
  t: Translate;
  /** Address-bar URL for a portal sub-path ('/jobs' → '/c/<token>/jobs'). */
  href(sub: string): string;
  navigate(sub: string, opts?: { replace?: boolean }): void;
  liff: LiffBridge | null;
  live: LiveStatus | 'off';
  documentsById: Map<string, PortalDocument>;
  /** Fetch the view again (after the client changed something); keeps the current one if the link no longer opens. */
  refresh(): Promise<void>;
}

export const Portal = createContext<PortalContext | null>(null);

export function usePortal(): PortalContext {
  const ctx = useContext(Portal);
  if (!ctx) throw new Error('usePortal outside <Portal.Provider>');
  return ctx;
}
