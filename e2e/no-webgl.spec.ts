/**
 * A backend that cannot start falls back to the next one, and the page says so. `?webgl=off` is the switch a
 * lecturer uses when a laptop's GPU driver misbehaves: WebGL is then treated as absent.
 */
import { expect, test } from './shared-page';

test('asking for WebGL while it is off falls back to WebAssembly and says why', async ({ page }) => {
  await page.goto('/?backend=webgl&webgl=off');
  await expect(page.getByTestId('backend-name')).toHaveText('WebAssembly', { timeout: 60_000 });
  await expect(page.getByText(/WebGL is turned off .*so the app fell back to wasm/)).toBeVisible();
});
