/**
 * "Inside the network", from the shipped lecture models (no training): the filters before and after with
 * their verdict, a confusion cell opened by click and by Enter, the rotation head's per-digit matrices, and a
 * seeded UMAP layout of two trunks with its progress bar; the tabs driven by the arrow keys.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './shared-page';
import { collectPageErrors, SCREENSHOT_DIR, violationLines } from './helpers';

/**
 * WCAG 2.1 A/AA problems inside the lesson's panel, one line per failing element. Only violations are gathered
 * in full (options before withTags, which adds its filter to them): axe otherwise builds a selector for every
 * passing node too, over 460 table cells here, for results nobody reads.
 */
function violations(page: Page): Promise<string[]> {
  return violationLines(new AxeBuilder({ page }).include('#inside').options({ resultTypes: ['violations'] })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']));
}

test('look inside the shipped models: filters, confusions and embeddings', async ({ page }) => {
  // About 40 s on a quiet 2-core machine; the margin is for a busy one (axe over 460 table cells is slow there).
  test.setTimeout(240_000);
  const errors = collectPageErrors(page);
  await page.goto('/');
  const inside = page.locator('#inside');
  await inside.getByRole('button', { name: 'Load the pre-trained lecture models' }).click({ timeout: 60_000 });

  // Tab 1: the rotation model's filters, before and after, and the verdict in words.
  const tabs = inside.getByRole('tablist', { name: 'Ways to look inside the network' });
  await expect(tabs.getByRole('tab', { name: 'Filters and activation maps' })).toHaveAttribute('aria-selected', 'true');
  await expect(inside.getByLabel('Model')).toHaveValue('rotation.pretext.s1', { timeout: 60_000 });
  await expect(inside.getByRole('img', { name: /^The 64 first-layer filters after training/ })).toAppear({ timeout: 30_000 });
  await expect(inside.getByRole('img', { name: /^The 64 feature maps of test image 0, a 7/ })).toBeVisible();
  await expect(inside.getByText(/of 64 filters moved less than 10% of their length/)).toBeVisible();
  await inside.scrollIntoViewIfNeeded();
  // (axe sees this tab in accessibility.spec.ts, on the whole study page; here it checks the other two.)
  await inside.screenshot({ path: `${SCREENSHOT_DIR}/inside-filters.png` });
  // The random control's trunk never trained: its filters are exactly the seed's.
  await inside.getByLabel('Model').selectOption({ label: 'Control: random features, frozen' });
  await expect(inside.getByText(/These filters are exactly their random start/)).toAppear({ timeout: 30_000 });
  await inside.getByRole('button', { name: 'Next test image' }).click();
  await expect(inside.getByRole('img', { name: /^The 64 feature maps of test image 1, a 2/ })).toAppear({ timeout: 30_000 });
  // A digit drawn on the pad (a ring, a rough 0) can be looked at too.
  const pad = page.locator('#draw').getByRole('img', { name: /Drawing area/ });
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('the drawing pad has no box');
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) {
    const a = (i / 12) * 2 * Math.PI;
    await page.mouse.move(box.x + box.width * (0.5 + 0.3 * Math.cos(a)), box.y + box.height * (0.5 + 0.35 * Math.sin(a)), { steps: 2 });
  }
  await page.mouse.up();
  await inside.getByRole('checkbox', { name: /show the maps of the digit you last drew/ }).check();
  await expect(inside.getByRole('img', { name: 'The 64 feature maps of your drawing' })).toAppear({ timeout: 30_000 });
  await expect(inside.getByRole('heading', { name: 'What the 64 filters see in your drawing' })).toBeVisible();

  // Tab 2 by keyboard: the arrow key moves to and selects the next tab.
  await tabs.getByRole('tab', { name: 'Filters and activation maps' }).focus();
  await page.keyboard.press('ArrowRight');
  const confusionTab = tabs.getByRole('tab', { name: 'Confusion matrices' });
  await expect(confusionTab).toHaveAttribute('aria-selected', 'true');
  await expect(confusionTab).toBeFocused();
  await inside.getByRole('button', { name: /^Evaluate the digit classifiers/ }).click();
  const supervised = inside.getByRole('table', { name: /^Supervised \(from scratch\): .* right on 300 test images/ });
  await expect(supervised).toAppear({ timeout: 60_000 });
  await expect(inside.getByRole('table', { name: /^Self-supervised \(rotation features, frozen\)/ })).toBeVisible();
  // A mistake cell (true digit differs from the answer) shows the images behind its count.
  const mistake = supervised.getByRole('button', { name: /^true digit (\d), answered (?!\1)\d: [1-9]/ }).first();
  const label = (await mistake.getAttribute('aria-label')) ?? '';
  const [, truth, answered, count] = /true digit (\d), answered (\d): (\d+)/.exec(label) ?? [];
  await mistake.click();
  await expect(inside.getByRole('heading', { name: `Supervised (from scratch): true ${truth}, answered ${answered} (${count} image${count === '1' ? '' : 's'})` })).toBeVisible();
  await expect(inside.locator('.cell-images').getByRole('img')).toHaveCount(Math.min(60, Number(count)));
  // Enter on a diagonal cell works the same way.
  await supervised.getByRole('button', { name: /^true digit 1, answered 1:/ }).focus();
  await page.keyboard.press('Enter');
  await expect(inside.getByRole('heading', { name: /^Supervised \(from scratch\): true 1, answered 1/ })).toBeVisible();
  // The rotation head per digit: ten 4x4 matrices.
  await expect(inside.getByRole('table', { name: /^Digit \d: \d+% right/ })).toHaveCount(10, { timeout: 60_000 });
  await expect(inside.getByText(/Half-turns answered correctly: \d+% for 0, 1, 6, 8 and 9/)).toBeVisible();
  await inside.screenshot({ path: `${SCREENSHOT_DIR}/inside-confusion.png` });
  expect(await violations(page)).toEqual([]);

  // Tab 3: PCA at once, then a seeded UMAP of 300 digits with its progress.
  await page.keyboard.press('Shift+Tab');
  await confusionTab.focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', { name: 'Embeddings' })).toHaveAttribute('aria-selected', 'true');
  await expect(inside.getByLabel('Left trunk')).toHaveValue('rotation.pretext.s1');
  await expect(inside.getByLabel('Right trunk')).toHaveValue('random.s1.n1000');
  // A small subset keeps the spec quick; the layouts are the same code at any size.
  await inside.getByRole('combobox', { name: 'Test digits' }).selectOption('300');
  await inside.getByRole('button', { name: 'Lay out both trunks' }).click();
  await expect(inside.getByRole('figure', { name: /: PCA$/ })).toHaveCount(2, { timeout: 60_000 });
  await inside.getByRole('radio', { name: /UMAP/ }).check();
  // 300 points lay out in a second or two, too fast to be sure of catching the bar by polling: the page itself
  // notes whether a UMAP progress bar ever appeared.
  await page.evaluate(() => {
    const flag = window as unknown as { sawUmapProgress?: boolean };
    flag.sawUmapProgress = false;
    new MutationObserver(() => {
      if (document.querySelector('#inside [role="progressbar"][aria-valuetext*="epoch"]')) flag.sawUmapProgress = true;
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await inside.getByRole('button', { name: 'Lay out both trunks' }).click();
  await expect(inside.getByRole('figure', { name: /: UMAP$/ })).toHaveCount(2, { timeout: 60_000 });
  expect(await page.evaluate(() => (window as unknown as { sawUmapProgress?: boolean }).sawUmapProgress)).toBe(true);
  // Keyboard reaches the points: focus a chart, step to the first digit.
  const chart = inside.getByRole('group', { name: /^Rotation pretext model: UMAP/ }).first();
  await chart.focus();
  await page.keyboard.press('ArrowRight');
  await expect(inside.getByRole('img', { name: 'Chosen: test image 0, a 7' })).toBeVisible();
  await inside.screenshot({ path: `${SCREENSHOT_DIR}/inside-embeddings.png` });
  expect(await violations(page)).toEqual([]);
  expect(errors).toEqual([]);
});
