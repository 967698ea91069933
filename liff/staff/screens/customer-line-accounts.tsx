/** The LINE accounts bound to a customer (oldest first: the earliest that follows gets LINE messages), each with Unbind. */
import { useState } from 'preact/hooks';
import { api, enc, type ApiError } from '../api.ts';
import { useStaff } from '../context.ts';
import { formatDateTime } from '../format.ts';
import { useLoad } from '../load.ts';
import type { LineAccountDto } from '../types.ts';
import { Done, ErrorLine, Loading, Section } from '../ui.tsx';

export function CustomerLineAccounts({ customerId, onChange }: { customerId: string; onChange: () => void }) {
  const { t, lang } = useStaff();
  const loaded = useLoad<LineAccountDto[]>(`/customers/${enc(customerId)}/line-accounts`);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const unbind = async (account: LineAccountDto, name: string) => {
    if (busy) return;
    setBusy(account.lineUserId);
    setError(null);
    setDone(null);
    const r = await api.del<{ unbound: true }>(`/customers/${enc(customerId)}/line-accounts/${enc(account.lineUserId)}`);
    setBusy(null);
    if (!r.ok) return setError(r.error);
    setDone(t('customer.lineUnbound', { name }));
    loaded.reload();
    onChange();
  };

  return (
    <Section title={t('customer.lineAccounts')} id="line-accounts">
      {loaded.state === 'loading' ? (
        <Loading />
      ) : loaded.state === 'error' ? (
        <ErrorLine error={loaded.error} />
      ) : loaded.data.length === 0 ? (
        <p class="muted">{t('customer.noLineAccounts')}</p>
      ) : (
        <ul class="list">
          {loaded.data.map((account) => {
            const name = account.displayName ?? `…${account.lineUserId.slice(-6)}`;
            return (
              <li key={account.lineUserId}>
                <div class="row">
                  <span>
                    {name}
                    <small>
                      {account.boundAt ? t('customer.lineBoundAt', { date: formatDateTime(lang, account.boundAt) }) : ''}
                      {account.following ? '' : ` · ${t('customer.lineNotFollowing')}`}
                    </small>
                  </span>
                </div>
                <div class="actions">
                  <button type="button" class="danger" disabled={busy !== null} onClick={() => void unbind(account, name)}>
                    {t('customer.lineUnbind', { name })}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {done && <Done>{done}</Done>}
      <ErrorLine error={error} />
    </Section>
  );
}
