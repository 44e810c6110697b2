/**
 * A row of tabs with the keyboard behaviour of the WAI-ARIA tabs pattern: Tab reaches the selected tab
 * only, the arrow keys (and Home, End) move between tabs and select them. The parent renders the one
 * visible panel with `role="tabpanel"` and the ids from {@link tabIds}.
 */
import { useRef, type KeyboardEvent } from 'react';

/** One tab. */
export interface TabSpec<Id extends string> {
  readonly id: Id;
  readonly label: string;
}

/** The element ids that tie a tab to its panel. */
export function tabIds(prefix: string, id: string): { readonly tab: string; readonly panel: string } {
  return { tab: `${prefix}-tab-${id}`, panel: `${prefix}-panel-${id}` };
}

/** Props of {@link Tabs}. */
export interface TabsProps<Id extends string> {
  readonly tabs: readonly TabSpec<Id>[];
  readonly selected: Id;
  readonly onSelect: (id: Id) => void;
  /** Prefix of the ids, unique on the page. */
  readonly idPrefix: string;
  /** What the tabs choose between, for screen readers. */
  readonly label: string;
}

/** The tab list. */
export function Tabs<Id extends string>({ tabs, selected, onSelect, idPrefix, label }: TabsProps<Id>) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const target = event.key === 'ArrowRight' ? (index === last ? 0 : index + 1)
      : event.key === 'ArrowLeft' ? (index === 0 ? last : index - 1)
        : event.key === 'Home' ? 0 : event.key === 'End' ? last : null;
    if (target === null) return;
    event.preventDefault();
    onSelect(tabs[target].id);
    refs.current[target]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="tabs">
      {tabs.map((tab, i) => {
        const ids = tabIds(idPrefix, tab.id);
        const on = tab.id === selected;
        return (
          <button key={tab.id} ref={(el) => { refs.current[i] = el; }} type="button" role="tab" id={ids.tab} aria-selected={on} aria-controls={ids.panel}
            tabIndex={on ? 0 : -1} className={on ? 'tab selected' : 'tab'} onClick={() => onSelect(tab.id)} onKeyDown={(e) => move(e, i)}>
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
