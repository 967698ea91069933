/**
 * The logo on the business screen: the owner picks a PNG or JPEG (the server checks its bytes,
 * its size and shrinks it), or removes it; staff only see it. It is printed on every new document.
 */
import { useState } from 'preact/hooks';
import { api, type ApiError } from '../api.ts';
import { useStaff } from '../context.ts';
import { useLoad } from '../load.ts';
import type { BusinessLogoDto } from '../types.ts';
import { Done, ErrorLine, Loading, Section } from '../ui.tsx';

const MAX_BYTES = 500 * 1024;

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function BusinessLogo({ canEdit }: { canEdit: boolean }) {
  const { t } = useStaff();
  const loaded = useLoad<{ logo: BusinessLogoDto | null }>('/business/logo');
  const [logo, setLogo] = useState<BusinessLogoDto | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'error') return <ErrorLine error={loaded.error} />;
  const current = logo === undefined ? loaded.data.logo : logo;

  const upload = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file || busy) return;
    setError(null);
    setDone(null);
    // Checked here too, so a phone photo is refused before minutes of upload on a slow line.
    if (file.size > MAX_BYTES) return setError(t('logo.tooBig'));
    setBusy(true);
    const r = await api.put<BusinessLogoDto>('/business/logo', { image: await base64Of(file) });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setLogo(r.data);
    setDone(t('logo.saved'));
  };

  const remove = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setDone(null);
    const r = await api.del<{ removed: true }>('/business/logo');
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setLogo(null);
    setDone(t('logo.removed'));
  };

  return (
    <Section title={t('logo.title')} id="logo">
      {current ? (
        <img class="logo-preview" src={current.url} alt={t('logo.alt')} width={current.width} height={current.height} />
      ) : (
        <p class="muted">{t('logo.none')}</p>
      )}
      {canEdit && (
        <div class="form">
          <p class="muted">{t('logo.hint')}</p>
          <div class="actions">
            <label class="button file-button" aria-busy={busy}>
              {current ? t('logo.replace') : t('logo.upload')}
              <input type="file" name="logo" accept="image/png,image/jpeg" disabled={busy} onChange={(e) => void upload(e.currentTarget)} />
            </label>
            {current && (
              <button type="button" onClick={() => void remove()} disabled={busy}>
                {t('logo.remove')}
              </button>
            )}
          </div>
          <ErrorLine error={error} />
          {done && <Done>{done}</Done>}
        </div>
      )}
    </Section>
  );
}
