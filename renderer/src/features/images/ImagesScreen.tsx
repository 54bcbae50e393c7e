import { useMemo, useState } from 'react';
import type { ContainerDTO, ImageDTO } from '../../../../shared/dto.js';
import { createdAgo } from '../../../../shared/format/duration.js';
import { containersByImage, imageRows, type ImageRow } from '../../../../shared/format/images.js';
import { humanSize } from '../../../../shared/format/size.js';
import { t } from '../../../../shared/i18n/index.js';
import type { KapalError } from '../../../../shared/result.js';
import { useClient } from '../../api/context.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { useNow } from '../../components/useNow.js';

interface Props {
  images: ImageDTO[];
  loaded: boolean;
  containers: ContainerDTO[];
  onRun: (ref: string) => void;
  onError: (e: KapalError) => void;
}

/** A pending removal: first the plain question, then (if the engine refused) the force question. */
interface Removal {
  row: ImageRow;
  inUse?: { error: KapalError; users: ContainerDTO[] };
}

/** Removing one of several tags only untags: say so, and name the tags that keep the image. */
function confirmText(row: ImageRow, images: readonly ImageDTO[]): string {
  const others = (images.find((i) => i.id === row.id)?.tags ?? []).filter(
    (x) => x !== row.ref && x !== '<none>:<none>',
  );
  return others.length > 0 && row.tag !== '<none>'
    ? t('images.confirmUntag', { ref: row.ref, others: others.join(', ') })
    : t('images.confirmRemove', { ref: row.ref });
}

export function ImagesScreen({ images, loaded, containers, onRun, onError }: Props) {
  const client = useClient();
  const now = useNow(1000);
  const [removal, setRemoval] = useState<Removal>();
  const rows = useMemo(() => imageRows(images), [images]);
  const users = useMemo(() => containersByImage(containers), [containers]);

  async function remove(r: Removal, force: boolean) {
    const res = await client.call('images:remove', { ref: r.row.ref, force });
    if (res.ok) return setRemoval(undefined);
    if (res.error.code === 'IMAGE_IN_USE' && !force) {
      return setRemoval({ row: r.row, inUse: { error: res.error, users: users.get(r.row.id) ?? [] } });
    }
    setRemoval(undefined);
    onError(res.error);
  }

  return (
    <section aria-labelledby="images-heading" className="screen">
      <div className="toolbar">
        <h2 id="images-heading">{t('images.heading')}</h2>
        <span className="muted">{t('images.count', { count: rows.length })}</span>
      </div>
      {loaded && rows.length === 0 ? (
        <p className="empty">{t('images.none')}</p>
      ) : (
        <div className="table-scroll">
          <table aria-label={t('images.heading')}>
            <thead>
              <tr>
                <th scope="col">{t('images.col.repository')}</th>
                <th scope="col">{t('images.col.tag')}</th>
                <th scope="col">{t('images.col.id')}</th>
                <th scope="col">{t('images.col.size')}</th>
                <th scope="col">{t('images.col.created')}</th>
                <th scope="col">{t('images.col.used')}</th>
                <th scope="col">{t('images.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const label = row.tag === '<none>' ? `${row.repository}:<none> (${row.shortId})` : row.ref;
                return (
                  <tr key={row.key} data-ref={row.ref}>
                    <th scope="row">{row.repository}</th>
                    <td>{row.tag}</td>
                    <td className="mono">{row.shortId}</td>
                    <td>{humanSize(row.size)}</td>
                    <td className="muted">{createdAgo(row.created, now)}</td>
                    <td>{users.get(row.id)?.length ?? 0}</td>
                    <td className="actions">
                      <button
                        type="button"
                        aria-label={t('run.openFrom', { ref: label })}
                        onClick={() => onRun(row.tag === '<none>' ? row.id : row.ref)}
                      >
                        {t('run.submit')}
                      </button>
                      <button
                        type="button"
                        aria-label={t('images.remove', { ref: label })}
                        onClick={() => setRemoval({ row })}
                      >
                        {t('action.remove')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {removal && (
        <ConfirmDialog
          title={t('images.remove', { ref: removal.row.ref })}
          confirmLabel={removal.inUse ? t('images.forceRemove') : t('action.remove')}
          danger
          onCancel={() => setRemoval(undefined)}
          onConfirm={() => void remove(removal, Boolean(removal.inUse))}
        >
          {removal.inUse ? (
            <>
              <p>
                {t('images.inUse', {
                  ref: removal.row.ref,
                  containers: removal.inUse.users.map((c) => `${c.name} (${c.state})`).join(', ') || '—',
                })}
              </p>
              <p className="muted">{removal.inUse.error.message}</p>
            </>
          ) : (
            <p>{confirmText(removal.row, images)}</p>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
