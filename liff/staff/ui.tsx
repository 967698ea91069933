/** Small building blocks of the staff screens: page frame, form fields, money, links. */
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { moneyText } from '../../server/domain/money-text.ts';
import { errorText, type ApiError } from './api.ts';
import { useStaff } from './context.ts';
import { navigate } from './router.ts';

export function Link(props: { to: string; class?: string; children: ComponentChildren; 'aria-current'?: 'page' }) {
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    navigate(props.to);
  };
  return (
    <a href={props.to} class={props.class} onClick={onClick} aria-current={props['aria-current']}>
      {props.children}
    </a>
  );
}

/** A screen: its heading takes focus on arrival so screen readers announce the new page. */
export function Page(props: { title: string; back?: string; children: ComponentChildren }) {
  const { t } = useStaff();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    document.title = props.title;
  }, [props.title]);
  return (
    <main class="page">
      {props.back && (
        <Link to={props.back} class="back">
          ‹ {t('app.back')}
        </Link>
      )}
      <h1 tabIndex={-1} ref={heading}>
        {props.title}
      </h1>
      {props.children}
    </main>
  );
}

export function Section(props: { title: string; children: ComponentChildren; id?: string }) {
  const id = props.id ?? `s-${props.title.replace(/\W+/g, '-')}`;
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

export function Money({ satang }: { satang: number }) {
  const { lang } = useStaff();
  return <span class="money">{moneyText(satang, lang)}</span>;
}

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'label' | 'onInput' | 'value'>;

/** A labelled input; `error` marks it invalid and is read out with it. */
export function Field(
  props: { label: string; name: string; value: string; onInput: (value: string) => void; error?: string | null; multiline?: boolean } & InputProps,
) {
  const { label, name, value, onInput, error, multiline, ...rest } = props;
  const id = `f-${name}`;
  const errorId = `${id}-error`;
  const common = {
    id,
    name,
    value,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': error ? errorId : undefined,
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onInput={(e) => onInput((e.target as HTMLTextAreaElement).value)} />
      ) : (
        <input {...rest} {...common} onInput={(e) => onInput((e.target as HTMLInputElement).value)} />
      )}
      {error && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

export function Select<V extends string>(props: { label: string; name: string; value: V; options: Array<[V, string]>; onChange: (value: V) => void }) {
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name} value={props.value} onChange={(e) => props.onChange((e.target as HTMLSelectElement).value as V)}>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The server's refusal, in the staff member's language; `role="alert"` reads it out at once. */
export function ErrorLine({ error }: { error: ApiError | string | null }) {
  const { lang, t } = useStaff();
  if (!error) return null;
  const text = typeof error === 'string' ? error : errorText(error, lang, t('app.errorGeneric'), t('app.errorNetwork'));
  // The session ended (expired, signed out elsewhere, or the staff member was removed): signing in
  // again is a reload, which goes through LINE and the server's staff check once more.
  const signedOut = typeof error !== 'string' && error.status === 401;
  return (
    <div class="error" role="alert">
      <p>{signedOut ? t('app.sessionEnded') : text}</p>
      {signedOut && (
        <button type="button" class="primary" onClick={() => location.reload()}>
          {t('app.signInAgain')}
        </button>
      )}
    </div>
  );
}

export function Done({ children }: { children: ComponentChildren }) {
  return (
    <p class="done" role="status">
      {children}
    </p>
  );
}

export function Loading() {
  const { t } = useStaff();
  return (
    <p class="loading" role="status" aria-busy="true">
      {t('app.loading')}
    </p>
  );
}

export function Facts({ rows }: { rows: Array<[string, ComponentChildren] | null | false> }) {
  return (
    <dl class="facts">
      {rows
        .filter((r): r is [string, ComponentChildren] => !!r)
        .map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}
