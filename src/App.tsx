/**
 * The page: a header with the backend status and settings, then one panel per step of the lecture's RotNet
 * experiment, in order.
 */
import { useEffect, useState } from 'react';
import { startLab } from './state/store';
import type { BackendChoice } from './runtime/messages';
import { StatusBar } from './app/StatusBar';
import { Notices } from './app/Notices';
import { IntroPanel } from './lessons/intro/IntroPanel';
import { DataPanel } from './lessons/data/DataPanel';
import { RotationPanel } from './lessons/rotation/RotationPanel';
import { PretextPanel } from './lessons/pretext/PretextPanel';
import { TransferPanel } from './lessons/transfer/TransferPanel';
import { SupervisedPanel } from './lessons/supervised/SupervisedPanel';
import { ComparePanel } from './lessons/compare/ComparePanel';
import { SettingsPanel } from './lessons/settings/SettingsPanel';
import { DrawPanel } from './lessons/draw/DrawPanel';
import './lessons/lessons.css';

let started = false;

/** `?backend=webgl|wasm|cpu` picks the backend at start (anything else is ignored, with the default kept). */
function backendFromUrl(search: string): BackendChoice {
  const value = new URLSearchParams(search).get('backend');
  return value === 'webgl' || value === 'wasm' || value === 'cpu' ? value : 'auto';
}

/** The whole app. */
export function App() {
  const [large, setLarge] = useState(false);
  useEffect(() => {
    // Once per page, even under StrictMode's double effects in development.
    if (!started) {
      started = true;
      const params = new URLSearchParams(window.location.search);
      void startLab(backendFromUrl(window.location.search), false, params.get('webgl') === 'off');
    }
  }, []);
  useEffect(() => {
    document.documentElement.style.setProperty('--scale', large ? '1.35' : '1');
  }, [large]);
  return (
    <div className="app">
      <header className="app-header">
        <div className="header-row">
          <div>
            <h1>Pretext Lab</h1>
            <p className="subtitle">Self-supervised learning, trained live in your browser</p>
          </div>
          <label className="toggle"><input type="checkbox" checked={large} onChange={(e) => setLarge(e.target.checked)} /> Large type</label>
        </div>
        <StatusBar />
      </header>
      <main className="app-main">
        <Notices />
        <section className="lessons" aria-label="Lessons">
          <IntroPanel />
          <DataPanel />
          <SettingsPanel />
          <RotationPanel />
          <PretextPanel />
          <TransferPanel />
          <SupervisedPanel />
          <ComparePanel />
          <DrawPanel />
        </section>
      </main>
    </div>
  );
}
