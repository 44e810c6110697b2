import { describe, expect, it } from 'vitest';
import { oneThreadReason } from './thread-note';

describe('oneThreadReason', () => {
  it('says nothing when training has threads, or when one was all it asked for', () => {
    expect(oneThreadReason(2, { isolated: true, sharedMemory: true, wanted: 2 })).toBeNull();
    expect(oneThreadReason(1, { isolated: true, sharedMemory: true, wanted: 1 })).toBeNull();
    expect(oneThreadReason(null, { isolated: false, sharedMemory: false, wanted: 2 })).toBeNull();
  });

  it('names a browser without SharedArrayBuffer on an isolated page (WebKitGTK)', () => {
    expect(oneThreadReason(1, { isolated: true, sharedMemory: false, wanted: 2 })).toMatch(/one thread, because this browser offers no SharedArrayBuffer/);
  });

  it('names a host that does not isolate the page', () => {
    expect(oneThreadReason(1, { isolated: false, sharedMemory: false, wanted: 4 })).toMatch(/not cross-origin isolated \(its host does not send the COOP and COEP headers\)/);
  });

  it('says when threads were possible but did not start', () => {
    expect(oneThreadReason(1, { isolated: true, sharedMemory: true, wanted: 2 })).toBe('on one thread, though 2 were asked for: this browser would not start more');
  });
});
