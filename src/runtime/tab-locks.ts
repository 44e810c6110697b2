/**
 * Noticing other tabs of the lab, with the Web Locks API (shared by every tab and worker of one origin).
 * Two tabs training share the processor, and two tabs training the *same* run would overwrite each other's
 * autosave; a lock held for the length of a run lets each tab find out and say so instead.
 */

/**
 * Tries to take the lock `name` until `until` settles, without waiting for it. Resolves true when this tab
 * has it, false when another tab holds it. Where the browser has no Web Locks, resolves true: we cannot tell.
 */
export function holdIfFree(name: string, until: Promise<unknown>): Promise<boolean> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return Promise.resolve(true);
  return new Promise((resolve) => {
    locks.request(name, { ifAvailable: true }, async (lock) => {
      resolve(lock !== null);
      if (lock) await until.catch(() => undefined);
    }).catch(() => resolve(true));
  });
}
