import { useState } from 'react';
import { t } from '../../../../shared/i18n/index.js';
import { parseDotenv } from '../../../../shared/run/dotenv.js';
import type { EnvDraft, VolumeDraft } from '../../../../shared/run/draft.js';
import type { FieldProblem } from '../../../../shared/run/spec.js';
import { FieldError, invalidProps } from './fields.js';

/** `-e KEY=VALUE` rows, and a paste box for a whole `.env` file. */
export function EnvRows({
  rows,
  problems,
  onChange,
}: {
  rows: EnvDraft[];
  problems: readonly FieldProblem[];
  onChange: (rows: EnvDraft[]) => void;
}) {
  const [paste, setPaste] = useState('');
  const parsed = paste.trim() ? parseDotenv(paste) : undefined;
  const set = (i: number, patch: Partial<EnvDraft>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="rows">
      <legend>{t('run.env')}</legend>
      {rows.map((r, i) => (
        <div className="row" key={i}>
          <label>
            {t('run.env.key')}
            <span className="sr-only"> {i + 1}</span>
            <input
              value={r.key}
              onChange={(e) => set(i, { key: e.target.value })}
              {...invalidProps(problems, `env.${i}.key`)}
            />
          </label>
          <label>
            {t('run.env.value')}
            <span className="sr-only"> {i + 1}</span>
            <input value={r.value} onChange={(e) => set(i, { value: e.target.value })} />
          </label>
          <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            {t('run.env.remove', { row: i + 1 })}
          </button>
          <FieldError problems={problems} field={`env.${i}.key`} />
        </div>
      ))}
      <button type="button" onClick={() => onChange([...rows, { key: '', value: '' }])}>
        {t('run.env.add')}
      </button>
      <details>
        <summary>{t('run.env.paste')}</summary>
        <label className="block">
          {t('run.env.paste')}
          <textarea
            rows={4}
            value={paste}
            onChange={(e) => setPaste(e.target.value)}
            placeholder={'MODEL=bert\nPORT=7860'}
          />
        </label>
        {parsed?.errors.map((e) => (
          <p key={e.line} className="field-error">
            {t('run.env.pasteErrors', { line: e.line, message: e.message })}
          </p>
        ))}
        <button
          type="button"
          disabled={!parsed || parsed.vars.length === 0}
          onClick={() => {
            if (!parsed) return;
            const keep = rows.filter((r) => (r.key || r.value) && !parsed.vars.some((v) => v.key === r.key));
            onChange([...keep, ...parsed.vars]);
            setPaste('');
          }}
        >
          {t('run.env.pasteApply')}
        </button>
      </details>
    </fieldset>
  );
}

/** `-v` rows: a named volume or a host folder, the path inside, read-only. */
export function VolumeRows({
  rows,
  problems,
  onChange,
}: {
  rows: VolumeDraft[];
  problems: readonly FieldProblem[];
  onChange: (rows: VolumeDraft[]) => void;
}) {
  const set = (i: number, patch: Partial<VolumeDraft>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="rows">
      <legend>{t('run.volumes')}</legend>
      {rows.map((r, i) => (
        <div className="row" key={i}>
          <label>
            {t('run.volume.kind')}
            <span className="sr-only"> {i + 1}</span>
            <select
              aria-label={`${t('run.volume.kind')} ${i + 1}`}
              value={r.kind}
              onChange={(e) => set(i, { kind: e.target.value as VolumeDraft['kind'] })}
            >
              <option value="volume">{t('run.volume.kind.volume')}</option>
              <option value="bind">{t('run.volume.kind.bind')}</option>
            </select>
          </label>
          <label>
            {t('run.volume.source')}
            <span className="sr-only"> {i + 1}</span>
            <input
              value={r.source}
              onChange={(e) => set(i, { source: e.target.value })}
              {...invalidProps(problems, `volumes.${i}.source`)}
            />
          </label>
          <label>
            {t('run.volume.target')}
            <span className="sr-only"> {i + 1}</span>
            <input
              value={r.target}
              onChange={(e) => set(i, { target: e.target.value })}
              {...invalidProps(problems, `volumes.${i}.target`)}
            />
          </label>
          <label className="check">
            <input type="checkbox" checked={r.readOnly} onChange={(e) => set(i, { readOnly: e.target.checked })} />
            {t('run.volume.readOnly')}
          </label>
          <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            {t('run.volume.remove', { row: i + 1 })}
          </button>
          <FieldError problems={problems} field={`volumes.${i}.source`} />
          <FieldError problems={problems} field={`volumes.${i}.target`} />
        </div>
      ))}
      <button
        type="button"
        onClick={() => onChange([...rows, { kind: 'volume', source: '', target: '', readOnly: false }])}
      >
        {t('run.volume.add')}
      </button>
    </fieldset>
  );
}
