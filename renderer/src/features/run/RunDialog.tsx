import { useRef, useState } from 'react';
import type { ImageDTO } from '../../../../shared/dto.js';
import { imageRows } from '../../../../shared/format/images.js';
import { t } from '../../../../shared/i18n/index.js';
import type { RunDraft } from '../../../../shared/run/draft.js';
import { EnvRows, VolumeRows } from './EnvVolumeRows.js';
import { useModal } from '../../components/useModal.js';
import { FieldError, invalidProps } from './fields.js';
import { PortRows } from './PortRows.js';
import { useRunForm } from './useRunForm.js';

interface Props {
  initialImage: string;
  images: ImageDTO[];
  onClose: () => void;
  onStarted: (id: string, name: string) => void;
}

const RESTARTS = ['no', 'always', 'unless-stopped', 'on-failure'] as const;

/** The Run form: `docker run -d` that cannot be got wrong, with the equivalent command shown live. */
export function RunDialog({ initialImage, images, onClose, onStarted }: Props) {
  const f = useRunForm(initialImage, onStarted);
  const [copied, setCopied] = useState(false);
  const { draft, problems, phase } = f;
  const set = (patch: Partial<RunDraft>) => f.setDraft((d) => ({ ...d, ...patch }));
  const busy = phase.kind === 'pulling' || phase.kind === 'starting';
  const risky = draft.privileged || draft.hostNetwork || draft.capAdd.trim() !== '';

  const imageRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  /** Until the image field is edited, an empty one is not shown as an error (Run stays off all the same). */
  const [touched, setTouched] = useState(Boolean(initialImage));
  const shown = touched ? problems : problems.filter((p) => p.field !== 'image');
  // showModal would focus the first control (the close button); start where the user types instead.
  const ref = useModal(initialImage ? nameRef : imageRef);

  const tags = imageRows(images)
    .filter((r) => r.tag !== '<none>')
    .map((r) => r.ref);

  return (
    <dialog
      ref={ref}
      className="run-dialog"
      aria-labelledby="run-title"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void f.submit();
        }}
      >
        <header className="run-head">
          <h2 id="run-title">{t('run.title')}</h2>
          <button type="button" className="close" aria-label={t('run.close')} onClick={onClose} disabled={busy}>
            ×
          </button>
        </header>
        <div className="run-body">
          <fieldset>
            <legend>{t('run.section.basics')}</legend>
            <label className="block">
              {t('run.image')}
              <input
                ref={imageRef}
                list="run-images"
                value={draft.image}
                onChange={(e) => {
                  setTouched(true);
                  set({ image: e.target.value });
                }}
                {...invalidProps(shown, 'image', 'help-image')}
              />
            </label>
            <datalist id="run-images">
              {tags.map((tag) => (
                <option key={tag} value={tag} />
              ))}
            </datalist>
            <p className="help" id="help-image">
              {f.imageLocal === false ? t('run.notLocal', { image: draft.image }) : t('run.image.help')}
            </p>
            <FieldError problems={shown} field="image" />
            <label className="block">
              {t('run.name')}
              <input
                ref={nameRef}
                value={draft.name}
                onChange={(e) => set({ name: e.target.value })}
                {...invalidProps(shown, 'name', 'help-name')}
              />
            </label>
            <p className="help" id="help-name">
              {t('run.name.help')}
            </p>
            <FieldError problems={shown} field="name" />
          </fieldset>

          <PortRows rows={draft.ports} problems={shown} onChange={(ports) => set({ ports })} />
          <EnvRows rows={draft.env} problems={shown} onChange={(env) => set({ env })} />
          <VolumeRows rows={draft.volumes} problems={shown} onChange={(volumes) => set({ volumes })} />

          <fieldset>
            <legend>{t('run.section.limits')}</legend>
            <label className="block">
              {t('run.command')}
              <input
                value={draft.command}
                className="mono"
                onChange={(e) => set({ command: e.target.value })}
                {...invalidProps(shown, 'command', 'help-command')}
              />
            </label>
            <p className="help" id="help-command">
              {t('run.command.help')}
            </p>
            <FieldError problems={shown} field="command" />
            <div className="inline">
              <label>
                {t('run.restart')}
                <select
                  aria-label={t('run.restart')}
                  value={draft.restart}
                  onChange={(e) => set({ restart: e.target.value as RunDraft['restart'] })}
                >
                  {RESTARTS.map((r) => (
                    <option key={r} value={r}>
                      {t(`run.restart.${r}`)}
                    </option>
                  ))}
                </select>
              </label>
              {draft.restart === 'on-failure' && (
                <label>
                  {t('run.retries')}
                  <input
                    inputMode="numeric"
                    size={4}
                    value={draft.maxRetries}
                    onChange={(e) => set({ maxRetries: e.target.value })}
                  />
                </label>
              )}
              <label>
                {t('run.cpus')}
                <input
                  inputMode="decimal"
                  size={5}
                  value={draft.cpus}
                  onChange={(e) => set({ cpus: e.target.value })}
                  {...invalidProps(shown, 'cpus')}
                />
              </label>
              <label>
                {t('run.memory')}
                <input
                  size={7}
                  value={draft.memory}
                  onChange={(e) => set({ memory: e.target.value })}
                  {...invalidProps(shown, 'memory', 'help-memory')}
                />
              </label>
            </div>
            <p className="help" id="help-memory">
              {t('run.memory.help')}
            </p>
            <FieldError problems={shown} field="cpus" />
            <FieldError problems={shown} field="memory" />
            <FieldError problems={shown} field="maxRetries" />
            <label className="block">
              {t('run.labels')}
              <textarea
                rows={2}
                className="mono"
                value={draft.labels}
                onChange={(e) => set({ labels: e.target.value })}
                {...invalidProps(shown, 'labels')}
              />
            </label>
            <FieldError problems={shown} field="labels" />
            <label className="check">
              <input
                type="checkbox"
                checked={draft.autoRemove}
                onChange={(e) => set({ autoRemove: e.target.checked })}
              />
              {t('run.autoRemove')}
            </label>
          </fieldset>

          <details className="risky" open={risky}>
            <summary>{t('run.risky')}</summary>
            <p className="help">{t('run.risky.help')}</p>
            <label className="check">
              <input
                type="checkbox"
                checked={draft.privileged}
                onChange={(e) => set({ privileged: e.target.checked })}
              />
              {t('run.risky.privileged')}
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={draft.hostNetwork}
                onChange={(e) => set({ hostNetwork: e.target.checked })}
              />
              {t('run.risky.hostNetwork')}
            </label>
            <label className="block">
              {t('run.risky.capAdd')}
              <input value={draft.capAdd} onChange={(e) => set({ capAdd: e.target.value })} placeholder="NET_ADMIN" />
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={draft.acknowledged}
                onChange={(e) => set({ acknowledged: e.target.checked })}
                {...invalidProps(shown, 'risky')}
              />
              {t('run.risky.ack')}
            </label>
            <FieldError problems={shown} field="risky" />
          </details>
        </div>

        <footer className="run-foot">
          <div className="commandline">
            <label htmlFor="run-command-line">{t('run.commandLine')}</label>
            <output id="run-command-line" className="mono" aria-live="polite">
              {f.command}
            </output>
            <button
              type="button"
              disabled={f.incomplete}
              onClick={() => {
                void navigator.clipboard?.writeText(f.command).then(() => setCopied(true));
              }}
            >
              {copied ? t('run.copied') : t('run.copy')}
            </button>
          </div>
          {f.incomplete && <p className="help">{t('run.commandIncomplete')}</p>}
          {phase.kind === 'failed' && (
            <div role="alert" className="error">
              <p>
                <strong>{phase.error.message}</strong>
              </p>
              {phase.error.hint && <p>{phase.error.hint}</p>}
            </div>
          )}
          <div className="dialog-actions">
            <span className="muted" aria-live="polite">
              {phase.kind === 'pulling'
                ? `${t('run.pulling', { image: draft.image })} ${t('run.pullProgress', { done: phase.done, total: phase.layers })}`
                : phase.kind === 'starting'
                  ? t('run.running')
                  : problems.length > 0
                    ? problems.length === 1
                      ? t('run.problems.one')
                      : t('run.problems', { count: problems.length })
                    : ''}
            </span>
            <button type="button" onClick={onClose} disabled={busy}>
              {t('action.cancel')}
            </button>
            <button type="submit" className="primary" disabled={busy || problems.length > 0}>
              {t('run.submit')}
            </button>
          </div>
        </footer>
      </form>
    </dialog>
  );
}
