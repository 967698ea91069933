/** GET /api/portal/<token>/history/<Buddhist-era year>: one earlier year of a customer link's records. */
import type { Router } from 'express';
import type { AppContext } from '../../services/context.ts';
import { parseBuddhistYear, portalHistoryYear } from '../../portal/portal-history.ts';
import type { WithLink } from './portal-api.ts';

export function registerHistoryRoute(ctx: AppContext) {
  return (router: Router, withLink: WithLink) => {
    router.get(
      '/history/:year',
      withLink(async (req, res, link) => {
        const year = parseBuddhistYear(String(req.params.year));
        res.json(await portalHistoryYear(ctx, link, year));
      }),
    );
  };
}
