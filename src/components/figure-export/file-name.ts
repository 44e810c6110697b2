/**
 * Names for downloaded figures that say what they show and which run they come from, so a folder of them reads
 * like a list of slides: `pretext-loss-rotation-seed1.png`. Only lower-case letters, digits and hyphens, which
 * every file system, slide tool and URL accepts without quoting.
 */

/** One part of a file name: a word, a number, or nothing (left out). */
export type FileNamePart = string | number | null | undefined;

/** Every name starts with the app's name, so a lecturer's downloads folder groups them. */
const PREFIX = 'pretext';
/** Long enough for a title, short enough for a file dialog. */
const MAX_LENGTH = 96;

/** The extensions the figures come in. */
export type FigureFormat = 'png' | 'svg' | 'csv';

/** One part as a slug: accents dropped, anything else but letters and digits becomes one hyphen. */
export function slug(part: FileNamePart): string {
  if (part === null || part === undefined) return '';
  return String(part)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/%/g, ' percent ')
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/\./g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The file name of a figure: the prefix, the parts that are not empty, and the extension. */
export function figureFileName(parts: readonly FileNamePart[], format: FigureFormat): string {
  const words = [PREFIX, ...parts.map(slug).filter((s) => s !== '' && s !== PREFIX)];
  let stem = words.join('-');
  if (stem.length > MAX_LENGTH) stem = stem.slice(0, MAX_LENGTH).replace(/-[^-]*$/, '');
  return `${stem}.${format}`;
}
