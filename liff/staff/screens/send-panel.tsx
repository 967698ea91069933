/** Preview a document's PDF and send it to the customer (channel as today: automatic, or forced). */
import { useState } from 'preact/hooks';
import { api, pdfUrl, type ApiError } from '../api.ts';
import { useStaff } from '../context.ts';
import type { Channel, Sent } from '../types.ts';
import { Done, ErrorLine, Select } from '../ui.tsx';

/**
 * A document's PDF from the admin API, in a new window. A plain link: reads need only the session
 * cookie (SameSite=Strict, sent on our own navigations), and the phone's PDF viewer takes it from there.
 */
export function PdfLink(props: { documentId: string; label: string }) {
  const { t } = useStaff();
  return (
    <a class="button" href={pdfUrl(props.documentId)} target="_blank" rel="noopener" aria-label={`${props.label} ${t('app.newWindow')}`}>
      {props.label}
    </a>
  );
}

export function SendPanel<T>(props: { path: string; onSent: (answer: T & Sent) => void }) {
  const { t } = useStaff();
  const [channel, setChannel] = useState<Channel | 'auto'>('auto');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<Sent | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const send = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const r = await api.post<T & Sent>(props.path, channel === 'auto' ? {} : { channel });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setSent(r.data);
    props.onSent(r.data);
  };
  return (
    <div class="send">
      <Select
        name="channel"
        label={t('doc.channel')}
        value={channel}
        options={[
          ['auto', t('doc.channelAuto')],
          ['line', t('doc.channel.line')],
          ['email', t('doc.channel.email')],
          ['sms', t('doc.channel.sms')],
        ]}
        onChange={setChannel}
      />
      <button type="button" class="primary" onClick={send} disabled={busy} aria-busy={busy}>
        {t('doc.send')}
      </button>
      {sent && <Done>{t('doc.sent', { channel: `${t(`doc.channel.${sent.channel}`)} (${sent.recipient})` })}</Done>}
      <ErrorLine error={error} />
    </div>
  );
}
