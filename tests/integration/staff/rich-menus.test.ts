import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import sharp from 'sharp';
import { startBotHarness, ACCESS_TOKEN, fakeLineUserId, type BotHarness } from '../bot/bot-harness.ts';
import { lineRichMenuApi, type LineRichMenuApi } from '../../../bot/line-rich-menu-api.ts';
import { setUpRichMenus } from '../../../bot/rich-menu-setup.ts';
import { createStaffInvitation, enrolStaff } from '../../../server/services/staff-enrolment.ts';
import { validateRichMenuRequest } from '../../fakes/fake-line-api.ts';

const STAFF_LIFF_ID = '1650000000-StaffApp';
let h: BotHarness;
let api: LineRichMenuApi;

beforeAll(async () => {
  h = await startBotHarness({ env: { STAFF_LIFF_ID } });
  api = lineRichMenuApi({ channelAccessToken: ACCESS_TOKEN, apiBaseUrl: h.line.baseUrl, dataApiBaseUrl: h.line.baseUrl });
});
afterAll(() => h.stop());

async function enrol(role: 'owner' | 'staff') {
  const lineUserId = fakeLineUserId();
  const invitation = await createStaffInvitation(h.t.ctx, { role });
  const result = await enrolStaff(h.t.ctx, { code: invitation.code, lineUserId });
  if (result.status !== 'enrolled') throw new Error(result.status);
  return { lineUserId, staffId: result.staffId };
}

describe('npm run line:setup (bot/rich-menu-setup.ts) against the fake LINE API', () => {
  it('creates both menus (valid per LINE’s schema), uploads their images, makes the client menu the default and links existing staff', async () => {
    const early = await enrol('owner'); // enrolled before any menu existed
    expect(h.line.userRichMenus.has(early.lineUserId)).toBe(false);
    const result = await setUpRichMenus(h.t.ctx, api, { staffAppUrl: `https://liff.line.me/${STAFF_LIFF_ID}`, phone: '02-123-4567' });
    expect(result.failures).toEqual([]);
    expect(h.line.defaultRichMenuId).toBe(result.client);
    const client = h.line.richMenus.get(result.client)!;
    const staff = h.line.richMenus.get(result.staff)!;
    for (const menu of [client, staff]) {
      expect(menu.request.size).toEqual({ width: 2500, height: 843 });
      expect(menu.image).toMatchObject({ contentType: 'image/png', width: 2500, height: 843 });
      expect(validateRichMenuRequest(menu.request)).toEqual([]);
      expect((await sharp(menu.image!.bytes).metadata()).format).toBe('png');
    }
    expect(client.request.areas.map((a) => (a as { action: { type: string } }).action.type)).toEqual(['message', 'uri']);
    expect(staff.request.areas.map((a) => (a as { action: Record<string, string> }).action)).toEqual([
      { type: 'uri', label: 'Staff app', uri: `https://liff.line.me/${STAFF_LIFF_ID}` },
      { type: 'message', label: 'Overdue', text: 'ค้างชำระ' },
      { type: 'message', label: 'Slips', text: 'ตรวจสลิป' },
    ]);
    expect(h.line.userRichMenus.get(early.lineUserId)).toBe(result.staff);
    expect(await h.t.ctx.db.lineRichMenu.findMany({ orderBy: { kind: 'asc' } })).toMatchObject([
      { kind: 'client', richMenuId: result.client },
      { kind: 'staff', richMenuId: result.staff },
    ]);
  });

  it('running it again replaces both menus and deletes the old ones at LINE', async () => {
    const before = await h.t.ctx.db.lineRichMenu.findMany();
    const again = await setUpRichMenus(h.t.ctx, api, { staffAppUrl: null, phone: null });
    expect(again.deleted.sort()).toEqual(before.map((m) => m.richMenuId).sort());
    expect([...h.line.richMenus.keys()].sort()).toEqual([again.client, again.staff].sort());
    // Without a phone or a staff LIFF id the menus lose those buttons, and stay valid.
    expect(h.line.richMenus.get(again.client)!.request.areas).toHaveLength(1);
    expect(h.line.richMenus.get(again.staff)!.request.areas).toHaveLength(2);
  });
});

describe('the staff menu follows staff membership', () => {
  it('is linked at enrolment and unlinked when the staff member is removed', async () => {
    const staffMenu = (await h.t.ctx.db.lineRichMenu.findUniqueOrThrow({ where: { kind: 'staff' } })).richMenuId;
    const who = await enrol('staff');
    expect(h.line.userRichMenus.get(who.lineUserId)).toBe(staffMenu);
    await h.t.adminOk('removeStaff', { params: { id: who.staffId } });
    expect(h.line.userRichMenus.has(who.lineUserId)).toBe(false);
    expect(h.line.requests.filter((r) => r.path === `/v2/bot/user/${who.lineUserId}/richmenu`)).toEqual([
      expect.objectContaining({ method: 'DELETE', status: 200 }),
    ]);
  });

  it('a LINE failure does not undo the enrolment: it is logged', async () => {
    const staffMenu = (await h.t.ctx.db.lineRichMenu.findUniqueOrThrow({ where: { kind: 'staff' } })).richMenuId;
    h.line.richMenus.delete(staffMenu); // LINE no longer knows the stored menu (deleted in the console)
    const who = await enrol('staff');
    expect((await h.t.ctx.db.staff.findUniqueOrThrow({ where: { id: who.staffId } })).active).toBe(true);
    expect(h.line.userRichMenus.has(who.lineUserId)).toBe(false);
    expect(h.t.logLines.some((l) => l.includes('staff rich menu not linked'))).toBe(true);
  });
});

describe('the fake LINE API refuses what LINE would', () => {
  it.each([
    ['a size LINE does not offer', { size: { width: 2500, height: 1000 } }, 'size'],
    [
      'an area outside the menu',
      { areas: [{ bounds: { x: 2000, y: 0, width: 600, height: 843 }, action: { type: 'message', text: 'x' } }] },
      'areas[0].bounds',
    ],
    ['an action type rich menus do not take', { areas: [{ bounds: { x: 0, y: 0, width: 2500, height: 843 }, action: { type: 'nope' } }] }, 'areas[0].action'],
    ['a message action without text', { areas: [{ bounds: { x: 0, y: 0, width: 2500, height: 843 }, action: { type: 'message' } }] }, 'areas[0].action.text'],
    ['a chat bar text over 14 characters', { chatBarText: 'this is far too long' }, 'chatBarText'],
  ])('%s', async (_label, change, property) => {
    const menu = {
      size: { width: 2500, height: 843 },
      selected: false,
      name: 'bad',
      chatBarText: 'Menu',
      areas: [{ bounds: { x: 0, y: 0, width: 2500, height: 843 }, action: { type: 'message', text: 'hi' } }],
      ...change,
    };
    await expect(api.create(menu as never)).rejects.toThrow(new RegExp(`answered 400.*${property.replace(/[[\].]/g, '\\$&')}`));
  });

  it('an image of the wrong size, and linking a menu without an image', async () => {
    const id = await api.create({
      size: { width: 2500, height: 843 },
      selected: false,
      name: 'no image',
      chatBarText: 'Menu',
      areas: [{ bounds: { x: 0, y: 0, width: 2500, height: 843 }, action: { type: 'message', text: 'hi' } }],
    });
    await expect(api.link(fakeLineUserId(), id)).rejects.toThrow(/400.*upload richmenu image/);
    const small = await sharp({ create: { width: 1200, height: 405, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    await expect(api.uploadImage(id, small)).rejects.toThrow(/400.*does not match/);
  });
});
