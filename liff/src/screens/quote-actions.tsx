import type { PortalQuote } from '../../../server/portal/portal-view.ts';

/**
 * The slot where "Accept & sign" / "Decline" will live (signature pad, name, consent,
 * confirm; then straight on to the deposit QR). Until that flow exists it renders nothing:
 * no dead buttons. It receives the quote so it can decide from `quote.canAccept`.
 */
export function QuoteActions(_props: { quote: PortalQuote }) {
  return null;
}
