/**
 * `npm run line:setup`: creates both rich menus at LINE (client menu as the default), stores
 * their ids, deletes the menus they replace, and links the staff menu to every active staff
 * member. Running it again (new wording, a new STAFF_LIFF_ID) replaces the menus.
 */
import type { LineRichMenuApi } from './line-rich-menu-api.ts';
import { createRichMenus, type RichMenuSetup } from './rich-menus.ts';
import { activeStaffLineUserIds, saveRichMenuIds } from '../server/services/staff-rich-menu.ts';
import type { AppContext } from '../server/services/context.ts';

export interface RichMenuSetupResult {
  client: string;
  staff: string;
  deleted: string[];
  linkedStaff: number;
  failures: string[];
}

export async function setUpRichMenus(ctx: Pick<AppContext, 'db' | 'clock'>, api: LineRichMenuApi, setup: RichMenuSetup): Promise<RichMenuSetupResult> {
  const ids = await createRichMenus(api, setup);
  const replaced = await saveRichMenuIds(ctx, ids);
  const failures: string[] = [];
  const deleted: string[] = [];
  for (const id of replaced) {
    try {
      await api.remove(id);
      deleted.push(id);
    } catch (error) {
      // Already deleted in the LINE console, say: the new menus are in place either way.
      failures.push(`delete ${id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  let linkedStaff = 0;
  for (const lineUserId of await activeStaffLineUserIds(ctx)) {
    try {
      await api.link(lineUserId, ids.staff);
      linkedStaff += 1;
    } catch (error) {
      failures.push(`link ${lineUserId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { ...ids, deleted, linkedStaff, failures };
}
