import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadShipped, shippedUrl } from './shipped-files';

/** Answers every fetch with `make()`, counting the calls. */
function serve(make: () => Response): { calls: string[] } {
  const calls: string[] = [];
  vi.stubGlobal('fetch', (url: string) => {
    calls.push(url);
    return Promise.resolve(make());
  });
  return { calls };
}

const json = (body: string, type = 'application/json') => new Response(body, { headers: { 'content-type': type } });
const parseCount = (v: unknown) => {
  if (typeof v !== 'object' || v === null || typeof (v as { n?: unknown }).n !== 'number') throw new Error('the file has no count');
  return (v as { n: number }).n;
};

describe('shipped files', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('come from the app’s own origin only', () => {
    expect(shippedUrl('/sub/', 'a.json')).toBe('/sub/pretrained/a.json');
    expect(shippedUrl('./', 'a.json')).toBe('./pretrained/a.json');
    expect(() => shippedUrl('https://example.com/', 'a.json')).toThrow(/only loaded from the app's own origin/);
    expect(() => shippedUrl('//example.com/', 'a.json')).toThrow(/only loaded from the app's own origin/);
  });

  it('are checked, and fetched once per page', async () => {
    const { calls } = serve(() => json('{"n": 3}'));
    expect(await loadShipped('once.json', parseCount, '/')).toEqual({ status: 'ready', result: 3 });
    expect(await loadShipped('once.json', parseCount, '/')).toEqual({ status: 'ready', result: 3 });
    expect(calls).toEqual(['/pretrained/once.json']);
  });

  it('are missing when the server answers 404 or with the app’s own page', async () => {
    serve(() => new Response('', { status: 404, statusText: 'Not Found' }));
    expect(await loadShipped('gone.json', parseCount, '/')).toEqual({ status: 'missing' });
    serve(() => json('<!doctype html><title>Pretext Lab</title>', 'text/html'));
    expect(await loadShipped('spa.json', parseCount, '/')).toEqual({ status: 'missing' });
  });

  it('are refused, with the file named, when broken or wrong', async () => {
    serve(() => json('{"n": 3'));
    expect(await loadShipped('cut.json', parseCount, '/')).toMatchObject({ status: 'failed', message: expect.stringMatching(/^pretrained\/cut\.json is not valid JSON/) });
    serve(() => json('{"m": 3}'));
    expect(await loadShipped('wrong.json', parseCount, '/')).toEqual({ status: 'failed', message: 'the file has no count' });
    serve(() => new Response('', { status: 500, statusText: 'Server Error' }));
    expect(await loadShipped('down.json', parseCount, '/')).toEqual({ status: 'failed', message: 'Could not fetch pretrained/down.json: the server answered 500 Server Error.' });
  });
});
