import { useCallback, useMemo, useState } from 'react';
import type { ContainerDTO } from '../../../../shared/dto.js';
import {
  filterContainers,
  isRunning,
  sortContainers,
  type ContainerFilter,
} from '../../../../shared/format/containers.js';
import { t } from '../../../../shared/i18n/index.js';
import type { KapalError } from '../../../../shared/result.js';
import { useClient } from '../../api/context.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { useNow } from '../../components/useNow.js';
import { useVirtualRows } from '../../components/useVirtualRows.js';
import { ContainerDetail } from './ContainerDetail.js';
import { ContainerRow, type ContainerAction } from './ContainerRow.js';
import { useStatsSummary } from '../stats/useStatsSummary.js';

const ROW_HEIGHT = 44;

interface Props {
  items: ContainerDTO[];
  loaded: boolean;
  selectedId: string | undefined;
  onSelect: (id: string | undefined) => void;
  onRun: () => void;
  onError: (e: KapalError) => void;
}

export function ContainersScreen({ items, loaded, selectedId, onSelect, onRun, onError }: Props) {
  const client = useClient();
  const now = useNow(1000);
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<ContainerFilter>('all');
  /** What is being done to which container, shown in its row until the engine answers. */
  const [busy, setBusy] = useState<ReadonlyMap<string, ContainerAction>>(new Map());
  const [confirm, setConfirm] = useState<ContainerDTO>();

  const shown = useMemo(() => sortContainers(filterContainers(items, query, filter)), [items, query, filter]);
  const v = useVirtualRows(shown.length, ROW_HEIGHT);
  // Stats only for the running rows on screen (the virtualised slice), never for the whole list.
  const stats = useStatsSummary(
    shown
      .slice(v.start, v.end)
      .filter(isRunning)
      .map((c) => c.id),
  );

  const run = useCallback(
    async (c: ContainerDTO, action: ContainerAction, force = false) => {
      setBusy((b) => new Map(b).set(c.id, action));
      const r =
        action === 'remove'
          ? await client.call('containers:remove', { id: c.id, force })
          : await client.call(`containers:${action}`, { id: c.id });
      setBusy((b) => {
        const n = new Map(b);
        n.delete(c.id);
        return n;
      });
      if (!r.ok) onError(r.error);
    },
    [client, onError],
  );

  const onAction = useCallback(
    (c: ContainerDTO, action: ContainerAction) => {
      if (action === 'remove') setConfirm(c);
      else void run(c, action);
    },
    [run],
  );

  const toggle = useCallback((id: string) => onSelect(id === selectedId ? undefined : id), [onSelect, selectedId]);
  const selected = selectedId ? items.find((c) => c.id === selectedId) : undefined;

  return (
    <section aria-labelledby="containers-heading" className="screen">
      <div className="toolbar">
        <h2 id="containers-heading">{t('containers.heading')}</h2>
        <button type="button" className="primary" onClick={onRun}>
          {t('run.open')}
        </button>
        <input
          type="search"
          aria-label={t('containers.search')}
          placeholder={t('containers.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <fieldset className="segmented">
          <legend className="sr-only">{t('containers.filter')}</legend>
          {(['running', 'all'] as const).map((f) => (
            <label key={f}>
              <input
                type="radio"
                name="container-filter"
                value={f}
                checked={filter === f}
                onChange={() => setFilter(f)}
              />
              {t(`containers.filter.${f}`)}
            </label>
          ))}
        </fieldset>
        <span className="muted" aria-live="polite">
          {t('containers.count', { shown: shown.length, total: items.length })}
        </span>
      </div>
      {loaded && items.length === 0 ? (
        <p className="empty">{t('containers.none')}</p>
      ) : (
        <div className="table-scroll" ref={v.ref}>
          <table aria-label={t('containers.heading')} aria-rowcount={shown.length + 1}>
            <thead>
              <tr aria-rowindex={1}>
                <th scope="col">{t('containers.col.name')}</th>
                <th scope="col">{t('containers.col.image')}</th>
                <th scope="col">{t('containers.col.state')}</th>
                <th scope="col">{t('containers.col.status')}</th>
                <th scope="col" className="num">
                  {t('containers.col.cpu')}
                </th>
                <th scope="col" className="num">
                  {t('containers.col.memory')}
                </th>
                <th scope="col">{t('containers.col.ports')}</th>
                <th scope="col">{t('containers.col.created')}</th>
                <th scope="col" className="actions">
                  {t('containers.col.actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {v.padTop > 0 && (
                <tr aria-hidden="true" className="spacer">
                  <td colSpan={9} style={{ height: v.padTop }} />
                </tr>
              )}
              {shown.slice(v.start, v.end).map((c, i) => (
                <ContainerRow
                  key={c.id}
                  c={c}
                  index={v.start + i}
                  now={now}
                  busy={busy.get(c.id)}
                  selected={c.id === selectedId}
                  stats={stats.get(c.id)}
                  onAction={onAction}
                  onSelect={toggle}
                />
              ))}
              {v.padBottom > 0 && (
                <tr aria-hidden="true" className="spacer">
                  <td colSpan={9} style={{ height: v.padBottom }} />
                </tr>
              )}
            </tbody>
          </table>
          {loaded && shown.length === 0 && <p className="empty">{t('containers.empty')}</p>}
        </div>
      )}
      {selected && <ContainerDetail c={selected} onClose={() => onSelect(undefined)} />}
      {confirm && (
        <ConfirmDialog
          title={t('containers.remove', { name: confirm.name })}
          confirmLabel={t('action.remove')}
          danger
          onCancel={() => setConfirm(undefined)}
          onConfirm={() => {
            const c = confirm;
            setConfirm(undefined);
            void run(c, 'remove', isRunning(c));
          }}
        >
          <p>
            {isRunning(confirm)
              ? t('containers.confirmRemoveRunning', { name: confirm.name })
              : t('containers.confirmRemove', { name: confirm.name })}
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
