/**
 * The page: mounts one of the app's pages into #root (loaded by src/boot.ts, which starts the engine first). Kept tiny so that everything worth testing lives in
 * components and in src/ml.
 *
 * Most links open the whole app. Two open a page of their own: `?embed=<lesson id>` (one lesson, for an iframe)
 * and `?mode=speaker` (the lecturer's notes beside lecture mode). The speaker view never starts the training
 * engine: the lecture window it follows owns the worker, and a second engine would only take the laptop's CPU.
 */
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, bootLab } from './App';
import { UpdatePrompt } from './app/UpdatePrompt';
import { LESSON_CATALOG } from './lessons/registry';
import { LessonCatalogProvider } from './lessons/kit/useLessonCatalog';
import { EmbedView, UnknownEmbed } from './embed/EmbedView';
import { embedRequest } from './embed/embed-request';
import { SpeakerView } from './lecture/SpeakerView';
import { SLIDE_PLAN } from './lecture/slide-plan';
import { parseUrl } from './url/url-state';
import './styles.css';

const container = document.getElementById('root');
if (container === null) {
  throw new Error('index.html must contain an element with id="root"');
}

/** The page this address asks for, started as it needs. */
function page(): ReactNode {
  const embed = embedRequest(window.location.search);
  if (embed.kind === 'unknown') return <UnknownEmbed message={embed.message} />;
  if (embed.kind === 'lesson') {
    bootLab();
    return <EmbedView lesson={embed.lesson} />;
  }
  const link = parseUrl(window.location.search, window.location.hash, { slideCount: SLIDE_PLAN.length });
  if (link.state.mode === 'speaker') return <SpeakerView initialSlide={(link.state.slide ?? 1) - 1} />;
  bootLab();
  return (
    <>
      <App />
      <UpdatePrompt />
    </>
  );
}

// Every page draws its panels under the registry, handed down to the lesson kit (src/lessons/kit/useLessonCatalog.ts).
createRoot(container).render(
  <StrictMode>
    <LessonCatalogProvider value={LESSON_CATALOG}>{page()}</LessonCatalogProvider>
  </StrictMode>,
);
