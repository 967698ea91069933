/** What the app uses from LINE. Kept separate so the web bundle never imports the LIFF SDK. */
export interface LiffBridge {
  /** LINE's in-app browser cannot download files: open them in the phone's browser. */
  openExternal(url: string): void;
  /** A LINE ID token for the server to verify, when the user is logged in to LINE. */
  idToken(): string | null;
  /** true / false when known; null when LINE cannot tell (not logged in, no linked OA). */
  isFriend(): Promise<boolean | null>;
  /** LINE Login (outside LINE: a redirect to LINE and back to this page). */
  login(): void;
}

/** Set by browser tests to run LIFF through `@line/liff-mock`; an object is passed to `liff.$mock.set`. */
export type LiffMockFlag = boolean | Record<string, unknown> | undefined;

declare global {
  interface Window {
    __LIFF_MOCK__?: LiffMockFlag;
  }
}
