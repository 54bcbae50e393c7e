import { useDeferredValue, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ContainerDTO } from '../../../../shared/dto.js';
import { t } from '../../../../shared/i18n/index.js';
import type { RingBuffer } from '../../../../shared/logs/ring-buffer.js';
import { parseSinceInput } from '../../../../shared/logs/timestamp.js';
import { entryPlain } from './LogLine.js';
import { LogView } from './LogView.js';
import { LOG_CAPACITY, useContainerLogs, type LogEntry, type LogOptions } from './useContainerLogs.js';
import { useLogSearch } from './useLogSearch.js';

const DEFAULT_TAIL = 1000;

/** Save the lines held as a text file, as the view shows them (colours and `\r` resolved). */
function download(name: string, ring: RingBuffer<LogEntry>, showTs: boolean): void {
  const parts: string[] = [];
  for (let i = 0; i < ring.size; i++) {
    const e = ring.at(i);
    if (e) parts.push(`${showTs && e.ts ? `${e.ts} ` : ''}${entryPlain(e)}\n`);
  }
  const url = URL.createObjectURL(new Blob(parts, { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}.log`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The Logs tab: `docker logs` options, search, download, and the live view. Streams only while shown. */
export function LogsTab({ c }: { c: ContainerDTO }) {
  const [opts, setOpts] = useState<LogOptions>({ tail: DEFAULT_TAIL, timestamps: false, follow: true });
  const [tailText, setTailText] = useState(String(DEFAULT_TAIL));
  const [sinceText, setSinceText] = useState('');
  const [sinceBad, setSinceBad] = useState(false);
  const [query, setQuery] = useState('');
  const needle = useDeferredValue(query);
  const { ring, version, state } = useContainerLogs(c.id, opts);
  const search = useLogSearch(ring, version, needle);

  const applyTail = () => {
    const n = Number(tailText);
    if (opts.tail !== 'all' && Number.isInteger(n) && n >= 0 && n !== opts.tail) setOpts((o) => ({ ...o, tail: n }));
    else if (opts.tail !== 'all') setTailText(String(opts.tail));
  };
  const applySince = () => {
    const text = sinceText.trim();
    const since = text ? parseSinceInput(text, Date.now()) : undefined;
    setSinceBad(text !== '' && since === undefined);
    if (text !== '' && since === undefined) return;
    setOpts(({ since: _old, ...o }) => (since === undefined ? o : { ...o, since }));
  };
  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (e.shiftKey) search.previous();
    else search.next();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    applyTail();
    applySince();
  };

  const phase = t(`logs.state.${state.phase}`);
  return (
    <div className="logs">
      <form className="logs-toolbar" aria-label={t('logs.controls')} onSubmit={submit}>
        <label>
          <input
            type="checkbox"
            checked={opts.follow}
            onChange={(e) => setOpts((o) => ({ ...o, follow: e.target.checked }))}
          />
          {t('logs.follow')}
        </label>
        <span className="logs-tail">
          <label htmlFor={`logs-tail-${c.id}`}>{t('logs.tail')}</label>
          <input
            id={`logs-tail-${c.id}`}
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            aria-label={t('logs.tail.label')}
            value={opts.tail === 'all' ? '' : tailText}
            disabled={opts.tail === 'all'}
            onChange={(e) => setTailText(e.target.value)}
            onBlur={applyTail}
          />
          <span aria-hidden="true">{t('logs.tail.lines')}</span>
        </span>
        <label>
          <input
            type="checkbox"
            checked={opts.tail === 'all'}
            onChange={(e) => {
              const all = e.target.checked;
              const n = Number(tailText);
              setOpts((o) => ({ ...o, tail: all ? 'all' : Number.isInteger(n) && n >= 0 ? n : DEFAULT_TAIL }));
            }}
          />
          {t('logs.tail.all')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={opts.timestamps}
            onChange={(e) => setOpts((o) => ({ ...o, timestamps: e.target.checked }))}
          />
          {t('logs.timestamps')}
        </label>
        <label className="logs-since">
          {t('logs.since')}
          <input
            type="text"
            value={sinceText}
            placeholder={t('logs.since.placeholder')}
            aria-invalid={sinceBad}
            aria-describedby={sinceBad ? `logs-since-error-${c.id}` : undefined}
            onChange={(e) => setSinceText(e.target.value)}
            onBlur={applySince}
          />
        </label>
        <span className="logs-search" role="search">
          <input
            type="search"
            aria-label={t('logs.search')}
            placeholder={t('logs.search')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onSearchKey}
          />
          <button
            type="button"
            onClick={search.previous}
            disabled={search.count === 0}
            aria-label={t('logs.search.prev')}
          >
            ↑
          </button>
          <button type="button" onClick={search.next} disabled={search.count === 0} aria-label={t('logs.search.next')}>
            ↓
          </button>
          <span className="muted" aria-live="polite">
            {needle
              ? search.count
                ? t('logs.search.count', { current: search.position, count: search.count })
                : t('logs.search.none')
              : ''}
          </span>
        </span>
        <button
          type="button"
          className="logs-download"
          aria-label={t('logs.download.label')}
          title={t('logs.download.label')}
          onClick={() => download(c.name, ring, opts.timestamps)}
        >
          {t('logs.download')}
        </button>
        {/* Enter in the tail or since field applies it. */}
        <button type="submit" hidden />
      </form>
      {sinceBad && (
        <p className="logs-note logs-error" id={`logs-since-error-${c.id}`}>
          {t('logs.since.invalid')}
        </p>
      )}
      <p className="logs-note muted">
        {/* Only the phase is announced; the line count changes too often to read out. */}
        <span aria-live="polite">{phase}</span> · {t('logs.lines', { count: ring.size.toLocaleString() })}
        {state.tty && ` · ${t('logs.tty')}`}
      </p>
      {state.error && (
        <p className="logs-note logs-error" role="alert">
          {state.error.message}
          {state.error.hint ? ` ${state.error.hint}` : ''}
        </p>
      )}
      {ring.dropped > 0 && (
        <p className="logs-note logs-dropped">
          {t('logs.dropped', { capacity: LOG_CAPACITY.toLocaleString(), count: ring.dropped.toLocaleString() })}
        </p>
      )}
      <LogView
        name={c.name}
        ring={ring}
        version={version}
        showTs={opts.timestamps}
        search={search.re}
        current={search.current}
        reveal={search.reveal}
      />
    </div>
  );
}
