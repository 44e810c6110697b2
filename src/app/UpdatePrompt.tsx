/**
 * "A new version is ready": the service worker (built app only) keeps the version a student opened until they
 * choose to reload, so a lecture is never swapped out mid-training; this banner offers the reload.
 */
/// <reference types="vite-plugin-pwa/react" />
import { useRegisterSW } from 'virtual:pwa-register/react';
import { cacheDataForOffline } from './offline-data';
import './update-prompt.css';

/** The update banner, and, once, the news that the app now works offline. Renders nothing otherwise. */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    onOfflineReady: () => {
      cacheDataForOffline().catch(() => undefined); // best effort: training online needs no cache
    },
  });
  if (!needRefresh && !offlineReady) return null;
  return (
    <div className="update-prompt" role="status">
      {needRefresh ? (
        <>
          <span>A new version of Pretext Lab is ready. Reloading stops any training in progress.</span>
          <button type="button" className="primary" onClick={() => void updateServiceWorker(true)}>Reload</button>
          <button type="button" onClick={() => setNeedRefresh(false)}>Later</button>
        </>
      ) : (
        <>
          <span>Pretext Lab is saved in this browser and now works offline.</span>
          <button type="button" onClick={() => setOfflineReady(false)}>OK</button>
        </>
      )}
    </div>
  );
}
