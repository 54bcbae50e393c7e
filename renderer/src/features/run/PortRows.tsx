import { t } from '../../../../shared/i18n/index.js';
import { emptyPort, type PortDraft } from '../../../../shared/run/draft.js';
import type { FieldProblem } from '../../../../shared/run/spec.js';
import { FieldError, invalidProps, problemFor } from './fields.js';

interface Props {
  rows: PortDraft[];
  problems: readonly FieldProblem[];
  onChange: (rows: PortDraft[]) => void;
}

/** `-p` rows: host IP (optional), host port or "any free", container port, protocol. */
export function PortRows({ rows, problems, onChange }: Props) {
  const set = (i: number, patch: Partial<PortDraft>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="rows">
      <legend>{t('run.ports')}</legend>
      {rows.map((r, i) => {
        const hostField = `ports.${i}.hostPort`;
        const suggestion = problemFor(problems, hostField)?.suggestion;
        const n = i + 1;
        return (
          <div className="row" key={i} data-row={i}>
            <label>
              {t('run.port.hostIp')}
              <span className="sr-only"> {n}</span>
              <input
                value={r.hostIp}
                placeholder="0.0.0.0"
                size={12}
                onChange={(e) => set(i, { hostIp: e.target.value })}
                {...invalidProps(problems, `ports.${i}.hostIp`)}
              />
            </label>
            <label>
              {t('run.port.host')}
              <span className="sr-only"> {n}</span>
              <input
                inputMode="numeric"
                value={r.any ? '' : r.hostPort}
                disabled={r.any}
                size={7}
                onChange={(e) => set(i, { hostPort: e.target.value })}
                {...invalidProps(problems, hostField)}
              />
            </label>
            <label className="check">
              <input type="checkbox" checked={r.any} onChange={(e) => set(i, { any: e.target.checked })} />
              {t('run.port.any')}
              <span className="sr-only"> {n}</span>
            </label>
            <label>
              {t('run.port.container')}
              <span className="sr-only"> {n}</span>
              <input
                inputMode="numeric"
                value={r.containerPort}
                size={7}
                onChange={(e) => set(i, { containerPort: e.target.value })}
                {...invalidProps(problems, `ports.${i}.containerPort`)}
              />
            </label>
            <label>
              {t('run.port.protocol')}
              <span className="sr-only"> {n}</span>
              <select
                aria-label={`${t('run.port.protocol')} ${n}`}
                value={r.protocol}
                onChange={(e) => set(i, { protocol: e.target.value as 'tcp' | 'udp' })}
              >
                <option value="tcp">TCP</option>
                <option value="udp">UDP</option>
              </select>
            </label>
            <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              {t('run.port.remove', { row: n })}
            </button>
            <FieldError
              problems={problems}
              field={hostField}
              action={
                suggestion !== undefined && (
                  <button type="button" onClick={() => set(i, { hostPort: String(suggestion), any: false })}>
                    {t('run.port.use', { port: suggestion })}
                  </button>
                )
              }
            />
            <FieldError problems={problems} field={`ports.${i}.containerPort`} />
            <FieldError problems={problems} field={`ports.${i}.hostIp`} />
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...rows, emptyPort()])}>
        {t('run.port.add')}
      </button>
    </fieldset>
  );
}
