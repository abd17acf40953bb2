// What a phone user would see wrong on a screen at rest: something wider than the window, or
// the floating "+" over something to tap. Used over every route (phone-layout) and on the
// sub-pages a screen's own journey reaches (a trip's checklist, an event with its people).
import type { Page } from 'playwright-core';

/**
 * Elements that stick out of the window, outside any container that scrolls or clips them.
 * Runs in the page, sent as source text: self-contained, so every engine's driver can send it.
 */
export function elementsTooWide(): string[] {
  const width = document.documentElement.clientWidth;
  const contained = (element: Element) => {
    for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
      if (getComputedStyle(parent).overflowX !== 'visible') return true;
    }
    return false;
  };
  const found: string[] = [];
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || (box.right <= width + 1 && box.left >= -1) || contained(element)) continue;
    found.push(
      `${element.tagName.toLowerCase()}.${element.getAttribute('class')} (${Math.round(box.left)}–${Math.round(box.right)})`,
    );
  }
  if (document.documentElement.scrollWidth > width) found.push(`page ${document.documentElement.scrollWidth}px`);
  return found.slice(0, 5);
}

export function tooWide(page: Page): Promise<string[]> {
  return page.evaluate(elementsTooWide);
}

/**
 * File choosers ("Ajouter une photo", "Importer des lieux") whose input is hidden and whose
 * label, the only thing to tap, is not drawn as a button: no border, or lower than a 44 px
 * touch target. A file input drawn by the browser (its own button) is left alone. In-page.
 */
export function fileChoosersNotButtons(): string[] {
  const found: string[] = [];
  for (const input of Array.from(document.querySelectorAll<HTMLInputElement>('main input[type="file"]'))) {
    if (input.getBoundingClientRect().width > 1) continue;
    for (const label of Array.from(input.labels ?? [])) {
      if (label.getClientRects().length === 0) continue;
      const height = label.getBoundingClientRect().height;
      const border = Number.parseFloat(getComputedStyle(label).borderTopWidth);
      if (height < 44 || border === 0)
        found.push(`"${label.textContent?.trim()}" (${Math.round(height)} px high, border ${border} px)`);
    }
  }
  return found;
}

export function fileChoosers(page: Page): Promise<string[]> {
  return page.evaluate(fileChoosersNotButtons);
}

/**
 * Words of the app's buttons and links cut across two lines ("Change" / "r"): a control its
 * neighbour squeezed below its own label's width. A word longer than 15 characters is left
 * out: a name from data may be wider than a phone, and breaking it anywhere keeps it on screen;
 * so is a word with a hyphen, which breaks after it as in print ("mi-" / "temps"). A word is
 * cut when its last letter sits on a line below its first. In-page.
 */
export function wordsCutInControls(): string[] {
  const found: string[] = [];
  for (const control of Array.from(document.querySelectorAll('main button, main a'))) {
    const texts = document.createTreeWalker(control, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      const text = node;
      const letter = (offset: number) => {
        const range = document.createRange();
        range.setStart(text, offset);
        range.setEnd(text, offset + 1);
        return range.getBoundingClientRect();
      };
      for (const word of (text.textContent ?? '').matchAll(/\S+/g)) {
        if (word[0].length < 2 || word[0].length > 15 || word[0].includes('-')) continue;
        const first = letter(word.index);
        const last = letter(word.index + word[0].length - 1);
        if (first.height > 0 && last.top >= first.bottom)
          found.push(`"${word[0]}" of "${control.textContent?.trim()}"`);
      }
    }
  }
  return found;
}

export function wordsCut(page: Page): Promise<string[]> {
  return page.evaluate(wordsCutInControls);
}

/**
 * Radio buttons and checkboxes drawn narrower than high: a long label beside one in a flex
 * row takes its room, and the circle to tap becomes an oval a few pixels wide. In-page.
 */
export function ticksSqueezed(): string[] {
  const found: string[] = [];
  for (const input of Array.from(
    document.querySelectorAll<HTMLInputElement>('main input[type="radio"], main input[type="checkbox"]'),
  )) {
    const box = input.getBoundingClientRect();
    if (box.height > 0 && box.width < box.height - 1)
      found.push(`"${input.labels?.[0]?.textContent?.trim()}" (${Math.round(box.width)}×${Math.round(box.height)} px)`);
  }
  return found;
}

export function squeezedTicks(page: Page): Promise<string[]> {
  return page.evaluate(ticksSqueezed);
}

/**
 * Buttons, links and fields under the "+" (Nouvelle visite), with the page at its top and at
 * its end. Content that scrolled under the sticky top bar is out of view, not covered.
 */
export function underQuickCapture(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const found: string[] = [];
    for (const top of [0, document.documentElement.scrollHeight]) {
      window.scrollTo(0, top);
      await frame();
      const button = [...document.querySelectorAll('[data-testid="quick-capture"]')].find(
        (candidate) => candidate.getBoundingClientRect().width > 0,
      );
      if (!button) continue;
      const cover = button.getBoundingClientRect();
      const barBottom = document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0;
      const focusable = document.querySelectorAll(
        'main :is(a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"]))',
      );
      for (const element of focusable) {
        const box = element.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1 || box.top < barBottom) continue;
        const overlaps =
          box.left < cover.right && box.right > cover.left && box.top < cover.bottom && box.bottom > cover.top;
        if (overlaps) found.push(`${element.tagName.toLowerCase()} "${element.textContent?.trim().slice(0, 30)}"`);
      }
    }
    window.scrollTo(0, 0);
    return found;
  });
}

/**
 * Names drawn by a chart (its SVG texts) that reach outside the card holding the chart or
 * outside the window: a name measured with one font and drawn with another does. In-page.
 */
export function chartNamesOutside(): string[] {
  const found: string[] = [];
  const width = document.documentElement.clientWidth;
  for (const chart of Array.from(document.querySelectorAll('svg[role="img"]'))) {
    const card = (chart.closest('section') ?? chart.parentElement)?.getBoundingClientRect();
    if (!card || chart.getBoundingClientRect().width === 0) continue;
    for (const name of Array.from(chart.querySelectorAll('text'))) {
      const box = name.getBoundingClientRect();
      const outside =
        box.left < Math.max(card.left, 0) - 1 ||
        box.right > Math.min(card.right, width) + 1 ||
        box.top < card.top - 1 ||
        box.bottom > card.bottom + 1;
      if (outside) found.push(`"${name.textContent}" (${Math.round(box.left)}–${Math.round(box.right)})`);
    }
  }
  return found;
}

/**
 * Words drawn by a chart (its SVG texts with a letter: month names, section names, not the
 * numbers on its columns) that touch another: « août » against « sept. » on a phone. In-page.
 */
export function chartWordsTouching(): string[] {
  const found: string[] = [];
  for (const chart of Array.from(document.querySelectorAll('svg[role="img"]'))) {
    if (chart.getBoundingClientRect().width === 0) continue;
    const words = Array.from(chart.querySelectorAll('text'))
      .filter((text) => /\p{L}/u.test(text.textContent ?? ''))
      .map((text) => ({ text: text.textContent ?? '', box: text.getBoundingClientRect() }));
    // Apart means at least a pixel of room between the two boxes, across or down.
    const touch = (a: DOMRect, b: DOMRect) =>
      a.left < b.right + 1 && b.left < a.right + 1 && a.top < b.bottom + 1 && b.top < a.bottom + 1;
    words.forEach((word, index) => {
      for (const other of words.slice(index + 1))
        if (touch(word.box, other.box)) found.push(`"${word.text}" and "${other.text}"`);
    });
  }
  return found.slice(0, 5);
}
