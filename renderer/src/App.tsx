import { useCallback, useRef, useState } from 'react';
import { t } from '../../shared/i18n/index.js';
import type { KapalError } from '../../shared/result.js';
import { ErrorList, type ShownError } from './components/ErrorList.js';
import { ContainersScreen } from './features/containers/ContainersScreen.js';
import { useContainers } from './features/containers/useContainers.js';
import { EngineStatusBar } from './features/engine/EngineStatusBar.js';
import { useEngineStatus } from './features/engine/useEngineStatus.js';
import { ImagesScreen } from './features/images/ImagesScreen.js';
import { useImages } from './features/images/useImages.js';
import { ExitReport } from './features/run/ExitReport.js';
import { RunDialog } from './features/run/RunDialog.js';
import { useRunWatch } from './features/run/useRunWatch.js';

function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" width="22" height="22" aria-hidden="true" focusable="false">
      <path d="M4 19h24l-4 7H8z" fill="currentColor" />
      <rect x="9" y="12" width="6" height="6" rx="1" fill="currentColor" opacity="0.7" />
      <rect x="17" y="12" width="6" height="6" rx="1" fill="currentColor" opacity="0.7" />
      <rect x="13" y="6" width="6" height="5" rx="1" fill="currentColor" opacity="0.5" />
    </svg>
  );
}

type Screen = 'containers' | 'images';

export function App() {
  const [screen, setScreen] = useState<Screen>('containers');
  const { status, link } = useEngineStatus();
  const containers = useContainers();
  const images = useImages();
  const [selectedId, setSelectedId] = useState<string>();
  /** The image the Run form opens with; undefined while the form is closed. */
  const [runImage, setRunImage] = useState<string>();
  const runWatch = useRunWatch(containers.items);
  const [errors, setErrors] = useState<ShownError[]>([]);
  const nextKey = useRef(1);
  const onError = useCallback((e: KapalError) => {
    setErrors((list) => [...list.slice(-4), { ...e, key: nextKey.current++ }]);
  }, []);

  return (
    <div className="app">
      <header className="topbar">
        <h1>
          <Logo /> {t('app.title')}
        </h1>
        <nav aria-label={t('nav.main')}>
          {(['containers', 'images'] as const).map((s) => (
            <button key={s} type="button" aria-current={screen === s ? 'page' : undefined} onClick={() => setScreen(s)}>
              {t(`nav.${s}`)}
            </button>
          ))}
        </nav>
      </header>
      <EngineStatusBar status={status} link={link} />
      <ErrorList errors={errors} onDismiss={(k) => setErrors((l) => l.filter((e) => e.key !== k))} />
      {runWatch.report && <ExitReport report={runWatch.report} onDismiss={runWatch.dismiss} />}
      {/* While the server link is down the list may be stale: keep it visible, but not clickable. */}
      <main inert={link !== 'up'} className={link !== 'up' ? 'stale' : undefined}>
        {screen === 'containers' ? (
          <ContainersScreen
            items={containers.items}
            loaded={containers.loaded}
            selectedId={selectedId}
            onSelect={setSelectedId}
            onRun={() => setRunImage('')}
            onError={onError}
          />
        ) : (
          <ImagesScreen
            images={images.items}
            loaded={images.loaded}
            containers={containers.items}
            onRun={setRunImage}
            onError={onError}
          />
        )}
      </main>
      {runImage !== undefined && (
        <RunDialog
          initialImage={runImage}
          images={images.items}
          onClose={() => setRunImage(undefined)}
          onStarted={(id) => {
            setRunImage(undefined);
            setScreen('containers');
            setSelectedId(id);
            runWatch.start(id);
          }}
        />
      )}
    </div>
  );
}
