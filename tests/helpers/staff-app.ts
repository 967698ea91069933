/**
 * The real app with LINE Login pointed at the fake LINE API, plus signing staff in to the staff
 * app the way the LIFF app does: enrol a LINE user with a one-time code, get an ID token LINE
 * would issue, POST /api/staff/session, keep the cookie.
 */
import { expect } from 'vitest';
import { startTestApp, VAT_BUSINESS, type TestApp } from './test-app.ts';
import { fakeLineUserId, startFakeLineApi, type FakeLineApi } from '../fakes/fake-line-api.ts';
import { createStaffInvitation, enrolStaff } from '../../server/services/staff-enrolment.ts';
import { staffSessionClient, type AdminClient } from './admin-client.ts';

export const STAFF_LOGIN_CHANNEL = '1650000042';
export const STAFF_ACCESS_TOKEN = 'test-staff-line-access-token';

export interface StaffTestApp {
  t: TestApp;
  line: FakeLineApi;
  stop(): Promise<void>;
}

export async function startStaffTestApp(options: { env?: Record<string, string> } = {}): Promise<StaffTestApp> {
  const line = await startFakeLineApi({ channelAccessToken: STAFF_ACCESS_TOKEN, loginChannelId: STAFF_LOGIN_CHANNEL });
  const t = await startTestApp({
    env: { LINE_LOGIN_CHANNEL_ID: STAFF_LOGIN_CHANNEL, LINE_VERIFY_URL: `${line.baseUrl}/oauth2/v2.1/verify`, ...options.env },
  });
  await t.adminOk('saveBusiness', { body: VAT_BUSINESS });
  return {
    t,
    line,
    stop: async () => {
      await t.stop();
      await line.close();
    },
  };
}

export interface SignedInStaffMember {
  staffId: string;
  lineUserId: string;
  /** The session token (the value of the staff_session cookie). */
  token: string;
  cookie: string;
  /** The typed admin client, authenticated by this session. */
  api: AdminClient;
}

/** Enrols a new LINE user with the given role (through the enrolment use case). */
export async function enrolNewStaff(app: StaffTestApp, role: 'owner' | 'staff', name = `Staff ${role}`) {
  const lineUserId = fakeLineUserId();
  const invitation = await createStaffInvitation(app.t.ctx, { role });
  const result = await enrolStaff(app.t.ctx, { code: invitation.code, lineUserId, displayName: name });
  if (result.status !== 'enrolled') throw new Error(`enrolment failed: ${result.status}`);
  return { staffId: result.staffId, lineUserId };
}

export function postSession(app: StaffTestApp, idToken: string, headers: Record<string, string> = {}) {
  return fetch(`${app.t.baseUrl}/api/staff/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ idToken }),
  });
}

export function sessionTokenFrom(res: Response): string {
  const header = res.headers.get('set-cookie') ?? '';
  const match = /staff_session=([^;]*)/.exec(header);
  if (!match?.[1]) throw new Error(`no staff_session cookie in ${JSON.stringify(header)}`);
  return match[1];
}

export async function signInAs(app: StaffTestApp, who: { staffId: string; lineUserId: string }): Promise<SignedInStaffMember> {
  const res = await postSession(app, app.line.issueIdToken({ sub: who.lineUserId }));
  expect(res.status).toBe(200);
  const token = sessionTokenFrom(res);
  return { ...who, token, cookie: `staff_session=${token}`, api: staffSessionClient(app.t.baseUrl, token) };
}

export async function signInNewStaff(app: StaffTestApp, role: 'owner' | 'staff'): Promise<SignedInStaffMember> {
  return signInAs(app, await enrolNewStaff(app, role));
}
