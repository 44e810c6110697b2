/**
 * Entry point: mounts the app into #root. Kept tiny so that everything worth
 * testing lives in components and in src/ml.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, bootLab } from './App';
import { UpdatePrompt } from './app/UpdatePrompt';
import './styles.css';

const container = document.getElementById('root');
if (container === null) {
  throw new Error('index.html must contain an element with id="root"');
}

bootLab();
createRoot(container).render(
  <StrictMode>
    <App />
    <UpdatePrompt />
  </StrictMode>,
);
