/**
 * LIFF SDK, pluggable build: core plus only the modules the portal and the staff app call.
 * This module is only reached through a dynamic import, so it is its own chunk.
 */
import liff from '@line/liff/core';
import IsInClient from '@line/liff/is-in-client';
import IsLoggedIn from '@line/liff/is-logged-in';
import GetIDToken from '@line/liff/get-id-token';
import GetFriendship from '@line/liff/get-friendship';
import OpenWindow from '@line/liff/open-window';
import Login from '@line/liff/login';
import type { LiffBridge, LiffMockFlag } from './types.ts';

export async function startLiff(liffId: string, mock: LiffMockFlag): Promise<LiffBridge> {
  // IsInClient must be installed before the mock plugin (it reads liff.isInClient()).
  liff.use(new IsInClient());
  liff.use(new IsLoggedIn());
  liff.use(new GetIDToken());
  liff.use(new GetFriendship());
  liff.use(new OpenWindow());
  // The staff app signs in with LINE Login outside LINE.
  liff.use(new Login());

  if (mock) {
    const { initMockLiff } = await import('./mock.ts');
    await initMockLiff(liff, liffId, typeof mock === 'object' ? mock : {});
  } else {
    await liff.init({ liffId });
  }

  return {
    openExternal(url) {
      liff.openWindow({ url: new URL(url, window.location.href).href, external: true });
    },
    idToken() {
      try {
        return liff.isLoggedIn() ? liff.getIDToken() : null;
      } catch {
        return null;
      }
    },
    login() {
      liff.login({ redirectUri: window.location.href });
    },
    async isFriend() {
      try {
        if (!liff.isLoggedIn()) return null;
        return (await liff.getFriendship()).friendFlag;
      } catch {
        return null;
      }
    },
  };
}
