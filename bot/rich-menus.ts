/**
 * The two rich menus (2500×843, LINE's compact size): clients get the default menu — their
 * portal (any message from a bound client is answered with their portal link) and a call
 * button — and staff get theirs, linked per user at enrolment: the staff app (LIFF) and the
 * bot's overdue and slip-review commands. Images are drawn here with sharp and Sarabun, so
 * Thai renders the same on every machine.
 */
import sharp from 'sharp';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { LineRichMenuApi, RichMenuDefinition } from './line-rich-menu-api.ts';

export const RICH_MENU_SIZE = { width: 2500, height: 843 } as const;

interface Tile {
  th: string;
  en: string;
  colour: string;
  action: Record<string, string>;
}

/** Staff commands the bot understands (bot/commands/parse-command.ts). */
const STAFF_OVERDUE_COMMAND = 'ค้างชำระ';
const STAFF_SLIPS_COMMAND = 'ตรวจสลิป';
/** Any text from a bound client is answered with their portal link (bot/chat/client-chat.ts). */
const CLIENT_PORTAL_TEXT = 'เอกสารของฉัน';

export function clientMenuTiles(phone: string | null): Tile[] {
  const portal: Tile = {
    th: 'งาน ใบแจ้งหนี้ ชำระเงิน',
    en: 'Jobs, invoices, payment',
    colour: '#06c755',
    action: { type: 'message', label: 'Portal', text: CLIENT_PORTAL_TEXT },
  };
  const digits = phone?.replace(/[^\d+]/g, '');
  return digits ? [portal, { th: 'โทรหาร้าน', en: 'Call us', colour: '#2f6fde', action: { type: 'uri', label: 'Call', uri: `tel:${digits}` } }] : [portal];
}

export function staffMenuTiles(staffAppUrl: string | null): Tile[] {
  return [
    ...(staffAppUrl ? [{ th: 'แอปพนักงาน', en: 'Staff app', colour: '#06c755', action: { type: 'uri', label: 'Staff app', uri: staffAppUrl } }] : []),
    { th: 'ค้างชำระ', en: 'Overdue', colour: '#e8590c', action: { type: 'message', label: 'Overdue', text: STAFF_OVERDUE_COMMAND } },
    { th: 'ตรวจสลิป', en: 'Payment slips', colour: '#2f6fde', action: { type: 'message', label: 'Slips', text: STAFF_SLIPS_COMMAND } },
  ];
}

/** Tiles side by side across the menu; the last one takes the rounding remainder. */
export function richMenuDefinition(name: string, chatBarText: string, tiles: Tile[]): RichMenuDefinition {
  const width = Math.floor(RICH_MENU_SIZE.width / tiles.length);
  return {
    size: { ...RICH_MENU_SIZE },
    selected: true,
    name,
    chatBarText,
    areas: tiles.map((tile, i) => ({
      bounds: { x: i * width, y: 0, width: i === tiles.length - 1 ? RICH_MENU_SIZE.width - i * width : width, height: RICH_MENU_SIZE.height },
      action: tile.action,
    })),
  };
}

function fontFile(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@expo-google-fonts/sarabun/package.json')), '700Bold/Sarabun_700Bold.ttf');
}

function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export async function richMenuImage(definition: RichMenuDefinition, tiles: Tile[]): Promise<Buffer> {
  const fontfile = fontFile();
  const layers = await Promise.all(
    definition.areas.map(async (area, i) => {
      const tile = tiles[i]!;
      const label = await sharp({
        text: {
          text: `<span foreground="white" size="88pt">${escapeMarkup(tile.th)}</span>\n<span foreground="white" size="56pt">${escapeMarkup(tile.en)}</span>`,
          font: 'Sarabun Bold',
          fontfile,
          rgba: true,
          align: 'center',
          dpi: 72,
          width: area.bounds.width - 80,
        },
      })
        .png()
        .toBuffer();
      const background = await sharp({ create: { width: area.bounds.width, height: area.bounds.height, channels: 3, background: tile.colour } })
        .composite([{ input: label, gravity: 'centre' }])
        .png()
        .toBuffer();
      return { input: background, left: area.bounds.x, top: area.bounds.y };
    }),
  );
  return sharp({ create: { width: definition.size.width, height: definition.size.height, channels: 3, background: '#ffffff' } })
    .composite(layers)
    .png({ compressionLevel: 9, palette: true })
    .toBuffer();
}

export interface RichMenuSetup {
  /** https://liff.line.me/<STAFF_LIFF_ID>, or null when the staff app is not configured yet. */
  staffAppUrl: string | null;
  /** The business's phone for the client menu's call button. */
  phone: string | null;
}

/** Creates both menus with their images at LINE and makes the client menu the default. */
export async function createRichMenus(api: LineRichMenuApi, setup: RichMenuSetup): Promise<{ client: string; staff: string }> {
  const make = async (name: string, chatBarText: string, tiles: Tile[]) => {
    const definition = richMenuDefinition(name, chatBarText, tiles);
    const id = await api.create(definition);
    await api.uploadImage(id, await richMenuImage(definition, tiles));
    return id;
  };
  const client = await make('client', 'เมนู / Menu', clientMenuTiles(setup.phone));
  const staff = await make('staff', 'เมนูพนักงาน', staffMenuTiles(setup.staffAppUrl));
  await api.setDefault(client);
  return { client, staff };
}
