/**
 * LINE Messaging API rich-menu calls (developers.line.biz/en/reference/messaging-api/#rich-menu)
 * over fetch: create a menu, upload its image (to the api-data host), make it the default,
 * delete it, and link / unlink a menu for one user. A non-2xx answer throws with LINE's message.
 */
import type { RichMenuLinks } from '../server/services/ports.ts';

export interface RichMenuDefinition {
  size: { width: number; height: number };
  selected: boolean;
  name: string;
  chatBarText: string;
  areas: { bounds: { x: number; y: number; width: number; height: number }; action: Record<string, string> }[];
}

export interface LineRichMenuApi extends RichMenuLinks {
  create(menu: RichMenuDefinition): Promise<string>;
  uploadImage(richMenuId: string, png: Buffer): Promise<void>;
  setDefault(richMenuId: string): Promise<void>;
  remove(richMenuId: string): Promise<void>;
}

export function lineRichMenuApi(opts: { channelAccessToken: string; apiBaseUrl: string; dataApiBaseUrl: string; fetchImpl?: typeof fetch }): LineRichMenuApi {
  const doFetch = opts.fetchImpl ?? fetch;
  async function call(base: string, method: string, path: string, body?: { json: unknown } | { png: Buffer }): Promise<unknown> {
    const headers: Record<string, string> = { authorization: `Bearer ${opts.channelAccessToken}` };
    let payload: string | Blob | undefined;
    if (body && 'json' in body) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body.json);
    } else if (body) {
      headers['content-type'] = 'image/png';
      payload = new Blob([new Uint8Array(body.png)], { type: 'image/png' });
    }
    const res = await doFetch(`${base}${path}`, { method, headers, body: payload, signal: AbortSignal.timeout(10_000) });
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as { message?: string; details?: { message: string; property: string }[] }) : {};
    if (!res.ok) {
      const details = parsed.details?.map((d) => `${d.property}: ${d.message}`).join('; ');
      throw new Error(`LINE ${method} ${path} answered ${res.status}: ${parsed.message ?? ''}${details ? ` (${details})` : ''}`);
    }
    return parsed;
  }
  const api = opts.apiBaseUrl;
  const user = (id: string) => encodeURIComponent(id);
  return {
    async create(menu) {
      const answer = (await call(api, 'POST', '/v2/bot/richmenu', { json: menu })) as { richMenuId: string };
      return answer.richMenuId;
    },
    async uploadImage(richMenuId, png) {
      await call(opts.dataApiBaseUrl, 'POST', `/v2/bot/richmenu/${user(richMenuId)}/content`, { png });
    },
    async setDefault(richMenuId) {
      await call(api, 'POST', `/v2/bot/user/all/richmenu/${user(richMenuId)}`);
    },
    async remove(richMenuId) {
      await call(api, 'DELETE', `/v2/bot/richmenu/${user(richMenuId)}`);
    },
    async link(lineUserId, richMenuId) {
      await call(api, 'POST', `/v2/bot/user/${user(lineUserId)}/richmenu/${user(richMenuId)}`);
    },
    async unlink(lineUserId) {
      await call(api, 'DELETE', `/v2/bot/user/${user(lineUserId)}/richmenu`);
    },
  };
}
