/** Move a job to a stage with an optional note for the client; only the moves the server accepts are offered. */
import { useState } from 'preact/hooks';
import { allowedNextStages, type JobStage } from '../../../server/domain/labels.ts';
import { api, enc, type ApiError } from '../api.ts';
import { useStaff } from '../context.ts';
import { Done, ErrorLine, Field, Select } from '../ui.tsx';

export interface MovableJob {
  id: string;
  number: string;
  title: string;
  stage: JobStage;
}

export function JobMover({ job, onMoved }: { job: MovableJob; onMoved: (stage: JobStage) => void }) {
  const { t } = useStaff();
  const next = allowedNextStages(job.stage);
  const [open, setOpen] = useState(false);
  const [stage, setStage] = useState<JobStage | undefined>(next[0]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [moved, setMoved] = useState<string | null>(null);
  if (next.length === 0 || stage === undefined) return null;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const r = await api.post<{ stage: JobStage }>(`/jobs/${enc(job.id)}/stage`, { stage, note: note.trim() || null });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setMoved(t('jobs.moved', { number: job.number }));
    setOpen(false);
    setNote('');
    onMoved(r.data.stage);
  };

  return (
    <div class="mover">
      {moved && <Done>{moved}</Done>}
      {!open ? (
        <button type="button" onClick={() => setOpen(true)} aria-label={`${t('jobs.move')}: ${job.number}`}>
          {t('jobs.move')}
        </button>
      ) : (
        <form onSubmit={submit} noValidate>
          <Select
            name={`stage-${job.id}`}
            label={t('jobs.moveTo')}
            value={stage}
            options={next.map((s): [JobStage, string] => [s, t(`stage.${s}`)])}
            onChange={setStage}
          />
          <Field name={`note-${job.id}`} label={t('jobs.note')} value={note} multiline onInput={setNote} />
          <ErrorLine error={error} />
          <div class="actions">
            <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
              {t('jobs.moveTo')} {t(`stage.${stage}`)}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('app.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
