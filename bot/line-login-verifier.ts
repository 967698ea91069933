/**
 * LINE Login ID token verification (POST /oauth2/v2.1/verify). The server trusts only what LINE
 * says about the token, never a user id sent by the browser. The verify URL is configurable so
 * tests point it at a local fake.
 */
import type { LineIdentityVerifier } from '../server/services/ports.ts';

export function lineLoginVerifier(opts: { verifyUrl: string; channelId: string; fetchImpl?: typeof fetch }): LineIdentityVerifier {
  const doFetch = opts.fetchImpl ?? fetch;
  return {
    async verify(idToken) {
      const res = await doFetch(opts.verifyUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ id_token: idToken, client_id: opts.channelId }).toString(),
        signal: AbortSignal.timeout(5000),
      });
      const body = (await res.json().catch(() => ({}))) as { sub?: string; name?: string; aud?: string; exp?: number; error_description?: string };
      if (!res.ok) return { ok: false, reason: body.error_description ?? `LINE answered ${res.status}` };
      // LINE already checked audience and expiry; re-check so a misconfigured proxy cannot widen it.
      if (body.aud !== opts.channelId) return { ok: false, reason: 'ID token was issued for another channel' };
      if (typeof body.exp === 'number' && body.exp * 1000 < Date.now() - 60_000) return { ok: false, reason: 'ID token expired' };
      if (!body.sub) return { ok: false, reason: 'ID token has no subject' };
      return { ok: true, userId: body.sub, displayName: body.name ?? null };
    },
  };
}
