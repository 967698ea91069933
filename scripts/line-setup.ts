/**
 * `npm run line:setup`: creates the client and staff rich menus through the LINE Messaging API
 * (LINE_CHANNEL_ACCESS_TOKEN), the client one as the default, and links the staff one to every
 * active staff member (bot/rich-menu-setup.ts). Set STAFF_LIFF_ID first so the staff menu opens
 * the staff app. Uses the same configuration (DATA_DIR / DATABASE_URL) as `npm start`.
 */
import { loadConfigOrExit } from '../server/config/config.ts';
import { openDatabase } from '../server/data/database.ts';
import { systemClock } from '../server/services/ports.ts';
import { getBusiness } from '../server/services/business.ts';
import { lineRichMenuApi } from '../bot/line-rich-menu-api.ts';
import { liffUrlBuilder } from '../bot/liff-url.ts';
import { setUpRichMenus } from '../bot/rich-menu-setup.ts';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const token = config.line.channelAccessToken;
  if (!token) {
    console.error('LINE_CHANNEL_ACCESS_TOKEN is not set: rich menus are created through the Messaging API channel.');
    process.exit(1);
  }
  if (!config.line.staffLiffId) console.warn('STAFF_LIFF_ID is not set: the staff menu gets no "Staff app" button. Set it and run this again.');
  const db = await openDatabase({ databaseUrl: config.databaseUrl });
  try {
    const business = await getBusiness(db).catch(() => null);
    const api = lineRichMenuApi({ channelAccessToken: token, apiBaseUrl: config.line.apiBaseUrl, dataApiBaseUrl: config.line.dataApiBaseUrl });
    const result = await setUpRichMenus({ db, clock: systemClock }, api, {
      staffAppUrl: config.line.staffLiffId ? liffUrlBuilder(config.line.staffLiffId)('') : null,
      phone: business?.phone ?? null,
    });
    console.log(`client rich menu (default): ${result.client}`);
    console.log(`staff rich menu: ${result.staff}, linked to ${result.linkedStaff} staff member(s)`);
    if (result.deleted.length) console.log(`deleted the menus they replace: ${result.deleted.join(', ')}`);
    for (const failure of result.failures) console.warn(`warning: ${failure}`);
  } finally {
    await db.$disconnect();
  }
}

await main();
