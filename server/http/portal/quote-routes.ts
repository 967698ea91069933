/**
 * The client's answer to a quote: POST /api/portal/<token>/quotes/<id>/accept and /decline.
 * Thin: parse the JSON, call the use case (services/quote-response.ts), shape the answer.
 * Acceptance ends a single-quote link, so the answer carries everything the page needs for the
 * next step — the deposit's PromptPay payload and its QR image inline (`qrDataUrl`).
 */
import express, { type Router } from 'express';
import { clientError } from '../../domain/errors.ts';
import { findUndrawableCharacters, undrawableCharactersMessages } from '../../domain/printable-text.ts';
import { canDrawCodePoint } from '../../documents/pdf/drawable-text.ts';
import type { AppContext } from '../../services/context.ts';
import { acceptQuote, declineQuote } from '../../services/quote-response.ts';
import { qrPng } from '../../payments/promptpay.ts';
import { accessMeta } from './request-meta.ts';
import type { WithLink } from './portal-api.ts';

/** A 1 MB PNG is about 1.37 MB of base64; the use case refuses anything over 1 MB decoded. */
const ACCEPT_BODY_LIMIT = '1600kb';

const bodyOf = (body: unknown): Record<string, unknown> => (body && typeof body === 'object' ? (body as Record<string, unknown>) : {});

/** The typed name is printed on the signed quote: refuse what the document font cannot draw. */
function assertPrintableName(name: unknown): void {
  if (typeof name !== 'string') return;
  const found = findUndrawableCharacters(name, canDrawCodePoint);
  if (found.length > 0) throw clientError('VALIDATION', undrawableCharactersMessages(found), { field: 'name' });
}

export function registerQuoteRoutes(ctx: AppContext) {
  return (router: Router, withLink: WithLink) => {
    router.post(
      '/quotes/:quoteId/accept',
      express.json({ limit: ACCEPT_BODY_LIMIT }),
      withLink(async (req, res, link) => {
        const body = bodyOf(req.body);
        assertPrintableName(body.name);
        const accepted = await acceptQuote(ctx, {
          link,
          quoteId: String(req.params.quoteId),
          name: body.name,
          signature: body.signature,
          consent: body.consent,
          meta: accessMeta(req),
        });
        const d = accepted.deposit;
        res.json({
          status: accepted.status,
          signedDocumentId: accepted.signedDocumentId,
          signedAtIso: accepted.signedAt.toISOString(),
          next: d
            ? {
                kind: 'deposit',
                depositId: d.id,
                number: d.number,
                amountSatang: d.amountSatang,
                payee: d.payee,
                promptPayPayload: d.promptPayPayload,
                // Works while the link opens (customer links); the inline image works regardless.
                qrImageUrl: `/api/portal/${encodeURIComponent(String(req.params.token))}/qr/deposit/${encodeURIComponent(d.id)}.png`,
                qrDataUrl: `data:image/png;base64,${(await qrPng(d.promptPayPayload)).toString('base64')}`,
              }
            : null,
        });
      }),
    );

    router.post(
      '/quotes/:quoteId/decline',
      express.json({ limit: '8kb' }),
      withLink(async (req, res, link) => {
        const body = bodyOf(req.body);
        res.json(await declineQuote(ctx, { link, quoteId: String(req.params.quoteId), reason: body.reason, meta: accessMeta(req) }));
      }),
    );
  };
}
