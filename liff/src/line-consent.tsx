/**
 * Inside LINE, on a customer-wide link: the portal asks before this LINE account starts receiving
 * the customer's updates, and binds only on "Yes" (the server verifies the ID token and applies
 * the business's rules). "Not now" is remembered for this link on this device.
 */
import { bindLine, lineStatus, urls } from './api.ts';
import type { Translate } from './i18n.ts';

export type LinePrompt = { kind: 'ask'; idToken: string; busy?: boolean } | { kind: 'done'; following: boolean } | { kind: 'limit' } | { kind: 'failed' };

const laterKey = (token: string) => `portal.lineLater.${token}`;

function saidLater(token: string): boolean {
  try {
    return localStorage.getItem(laterKey(token)) === '1';
  } catch {
    return false;
  }
}

function rememberLater(token: string): void {
  try {
    localStorage.setItem(laterKey(token), '1');
  } catch {
    /* storage blocked: asked again next visit */
  }
}

/** What to show first: the question, the "ask the business" note, or (already bound, not a friend) the add-friend prompt. */
export async function firstLinePrompt(token: string, idToken: string): Promise<LinePrompt | { kind: 'friend' } | null> {
  const status = await lineStatus(token, idToken);
  if (!status) return null;
  if (status.state === 'bound') return status.following ? null : { kind: 'friend' };
  if (saidLater(token)) return null;
  if (status.state === 'can_bind') return { kind: 'ask', idToken };
  return status.reason === 'limit' ? { kind: 'limit' } : null;
}

export async function answerYes(token: string, idToken: string): Promise<LinePrompt> {
  const result = await bindLine(token, idToken);
  if (!result) return { kind: 'failed' };
  if (result.bound) return { kind: 'done', following: result.following };
  return result.reason === 'limit' ? { kind: 'limit' } : { kind: 'failed' };
}

interface Props {
  prompt: LinePrompt;
  token: string;
  customer: string;
  business: string;
  oaId: string | null;
  t: Translate;
  onChange(next: LinePrompt | null): void;
}

export function LineConsent({ prompt, token, customer, business, oaId, t, onChange }: Props) {
  const vars = { customer, business };
  if (prompt.kind === 'ask') {
    const yes = async () => {
      onChange({ ...prompt, busy: true });
      onChange(await answerYes(token, prompt.idToken));
    };
    const later = () => {
      rememberLater(token);
      onChange(null);
    };
    return (
      <aside class="friend line-consent" role="dialog" aria-labelledby="line-consent-title">
        <p id="line-consent-title" class="line-consent-title">
          {t('lineBind.ask', vars)}
        </p>
        <p>{t('lineBind.askBody', vars)}</p>
        <div class="friend-actions">
          <button type="button" class="btn btn-line" disabled={prompt.busy} onClick={yes}>
            {t('lineBind.yes')}
          </button>
          <button type="button" class="btn btn-quiet" disabled={prompt.busy} onClick={later}>
            {t('lineBind.later')}
          </button>
        </div>
      </aside>
    );
  }
  const text = prompt.kind === 'done' ? t('lineBind.done', vars) : prompt.kind === 'limit' ? t('lineBind.limit', vars) : t('lineBind.failed');
  const addFriend = prompt.kind === 'done' && !prompt.following && oaId;
  return (
    <aside class="friend line-consent" role="status">
      <p>{text}</p>
      {addFriend && <p>{t('lineBind.addFriend', vars)}</p>}
      <div class="friend-actions">
        {addFriend && (
          <a class="btn btn-line" href={urls.lineOa(oaId)}>
            {t('friend.add')}
          </a>
        )}
        <button type="button" class="icon-btn" onClick={() => onChange(null)} aria-label={t('friend.dismiss')}>
          ×
        </button>
      </div>
    </aside>
  );
}
