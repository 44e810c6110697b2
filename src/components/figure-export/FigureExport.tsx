/**
 * The "Download" control of a figure: one small button in the figure's top-right corner that opens a short list,
 * PNG (twice the on-screen size, for a projector), SVG (vector, editable) and CSV (the numbers behind it). It sits
 * over the figure instead of beside it, so adding it changes no slide's layout. It reads the figure it sits in
 * (its parent element, which carries {@link EXPORT_HOST}) only when a format is chosen, never while training draws.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { capturePicture, SKIP_ATTRIBUTE } from './capture';
import { toCsv, type CsvTable } from './csv';
import { figureFileName, type FigureFormat, type FileNamePart } from './file-name';
import { pictureToPng } from './rasterise';
import { saveFile } from './save-file';
import { pictureToSvg } from './svg-writer';
import './figure-export.css';

/** The class a figure's element needs so the control can sit in its corner (it makes the element `position: relative`). */
export const EXPORT_HOST = 'figure-export-host';

/** Device pixels per CSS pixel in the PNG. */
export const PNG_SCALE = 2;

/** Props of {@link FigureExport}. */
export interface FigureExportProps {
  /** The figure, as the end of "Download …": "the pretext loss chart". Names the control for screen readers. */
  readonly name: string;
  /** What and which, for the file name: `['loss', 'rotation', 'seed1']` gives `pretext-loss-rotation-seed1.png`. */
  readonly file: readonly FileNamePart[];
  /** The numbers behind the figure, asked for only when the CSV is chosen; given the figure's element (see tableCsv). */
  readonly data: (host: HTMLElement) => CsvTable;
}

const FORMATS: readonly { readonly format: FigureFormat; readonly words: string }[] = [
  { format: 'png', words: 'PNG image (2× size)' },
  { format: 'svg', words: 'SVG vector' },
  { format: 'csv', words: 'CSV numbers' },
];

function DownloadIcon() {
  return (
    <svg viewBox="0 0 16 16" className="figure-export-icon" aria-hidden="true" focusable="false">
      <path d="M8 1.5v8.5M4.5 6.5 8 10l3.5-3.5M2 11.5v2.5h12v-2.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** The control; place it as a child of the figure's element, which must carry {@link EXPORT_HOST}. */
export function FigureExport({ name, file, data }: FigureExportProps) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const title = name.replace(/^the /, '').replace(/^./, (c) => c.toUpperCase());

  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) toggle.current?.focus();
  }, []);

  // A click anywhere else closes the list, as a native menu does.
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (!(e.target instanceof Node) || !root.current?.contains(e.target)) close(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open, close]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      e.stopPropagation();
      close(true);
    }
  };

  const download = async (format: FigureFormat) => {
    setError(null);
    const host = root.current?.parentElement;
    try {
      if (!host) throw new Error('the figure is no longer on the page');
      const fileName = figureFileName(file, format);
      if (format === 'csv') saveFile(new Blob([toCsv(data(host))], { type: 'text/csv;charset=utf-8' }), fileName);
      else {
        const picture = capturePicture(host, title);
        const blob = format === 'svg' ? new Blob([pictureToSvg(picture)], { type: 'image/svg+xml' }) : await pictureToPng(picture, PNG_SCALE);
        saveFile(blob, fileName);
      }
      close(true);
    } catch (e) {
      setError(`Could not make the ${format.toUpperCase()}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div
      ref={root}
      className="figure-export"
      {...{ [SKIP_ATTRIBUTE]: '' }}
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        // Tabbing out of the list closes it, so it never hangs open over the next figure.
        if (open && !(e.relatedTarget instanceof Node && root.current?.contains(e.relatedTarget))) setOpen(false);
      }}
    >
      <button
        ref={toggle}
        type="button"
        className="figure-export-toggle"
        aria-label={`Export ${name}`}
        title={`Export ${name} (PNG, SVG or CSV)`}
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        <DownloadIcon />
      </button>
      {open && (
        <div id={menuId} className="figure-export-menu" role="group" aria-label={`Export ${name} as`}>
          {FORMATS.map(({ format, words }) => (
            <button key={format} type="button" onClick={() => void download(format)}>{words}</button>
          ))}
          {error !== null && <p role="alert" className="figure-export-error">{error}</p>}
        </div>
      )}
    </div>
  );
}
