// Functions that run inside the page, the same in every engine: they are sent as source text
// (each engine evaluates an expression its own way), so each is self-contained — no imports,
// no closures over this module.

/** What a user aims at: a role and its accessible name, a field's label, or a visible text. */
export interface Query {
  role?: string;
  /** Accessible name, compared after collapsing white space; `exact: false` for "contains". */
  name?: string;
  label?: string;
  text?: string;
  exact?: boolean;
  /** Heading level for `role: 'heading'`. */
  level?: number;
  /** Look only inside the first element this query finds. */
  within?: Query;
}

/**
 * The first visible element matching the query, or null. A small subset of ARIA's implicit
 * roles and accessible names (what the app's screens use), enough to aim like a user does.
 */
export function findElement(query: Query, wantHidden = false): Element | null {
  const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const visible = (element: Element) =>
    element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
  const textOf = (element: Element): string => {
    let text = '';
    for (const node of Array.from(element.childNodes)) {
      if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
      else if (node instanceof Element && node.getAttribute('aria-hidden') !== 'true') {
        if (node instanceof HTMLImageElement) text += node.alt;
        else text += ` ${textOf(node)} `;
      }
    }
    return text;
  };
  const roleOf = (element: Element): string => {
    const explicit = element.getAttribute('role');
    if (explicit) return explicit.split(' ')[0] ?? '';
    const tag = element.tagName.toLowerCase();
    if (tag === 'input') {
      const type = (element.getAttribute('type') ?? 'text').toLowerCase();
      if (['button', 'submit', 'reset', 'image'].includes(type)) return 'button';
      if (type === 'checkbox' || type === 'radio') return type;
      if (type === 'search') return element.hasAttribute('list') ? 'combobox' : 'searchbox';
      if (type === 'number') return 'spinbutton';
      if (type === 'range') return 'slider';
      if (['text', 'email', 'tel', 'url'].includes(type)) return element.hasAttribute('list') ? 'combobox' : 'textbox';
      return '';
    }
    if (/^h[1-6]$/.test(tag)) return 'heading';
    const implicit: Record<string, string> = {
      button: 'button',
      summary: 'button',
      textarea: 'textbox',
      select: (element as HTMLSelectElement).multiple ? 'listbox' : 'combobox',
      nav: 'navigation',
      main: 'main',
      dialog: 'dialog',
      fieldset: 'group',
      table: 'table',
      ul: 'list',
      ol: 'list',
      li: 'listitem',
      article: 'article',
      img: 'img',
      option: 'option',
      progress: 'progressbar',
    };
    if (tag === 'a') return element.hasAttribute('href') ? 'link' : '';
    if (tag === 'section' || tag === 'form')
      return element.hasAttribute('aria-label') || element.hasAttribute('aria-labelledby')
        ? tag === 'form'
          ? 'form'
          : 'region'
        : '';
    return implicit[tag] ?? '';
  };
  const nameOf = (element: Element): string => {
    const labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy)
      return collapse(
        labelledBy
          .split(/\s+/)
          .map((id) => {
            const target = document.getElementById(id);
            return target ? textOf(target) : '';
          })
          .join(' '),
      );
    const label = element.getAttribute('aria-label');
    if (label) return collapse(label);
    if (element instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(element.type))
      return collapse(element.value);
    const labels = (element as HTMLInputElement).labels;
    if (labels && labels.length > 0) return collapse(Array.from(labels, textOf).join(' '));
    if (element instanceof HTMLFieldSetElement) {
      const legend = element.querySelector(':scope > legend');
      if (legend) return collapse(textOf(legend));
    }
    if (element instanceof HTMLImageElement) return collapse(element.alt);
    if (element instanceof HTMLTableElement) {
      const caption = element.querySelector(':scope > caption');
      if (caption) return collapse(textOf(caption));
    }
    const role = roleOf(element);
    if (
      ['button', 'link', 'heading', 'tab', 'checkbox', 'radio', 'option', 'listitem', 'menuitem', 'cell'].includes(role)
    )
      return collapse(textOf(element)) || collapse(element.getAttribute('title'));
    return collapse(element.getAttribute('title'));
  };
  const matches = (actual: string, expected: string, exact: boolean) =>
    exact ? actual === collapse(expected) : actual.toLowerCase().includes(collapse(expected).toLowerCase());

  let root: Element | Document = document;
  if (query.within) {
    const scope = findElement(query.within);
    if (!scope) return null;
    root = scope;
  }
  const exact = query.exact ?? true;
  const candidates = Array.from(root.querySelectorAll('*'));
  for (const element of candidates) {
    if (wantHidden ? false : !visible(element)) {
      // A checkbox or radio drawn by CSS is often visually hidden behind its label.
      const input = element instanceof HTMLInputElement && ['checkbox', 'radio', 'file'].includes(element.type);
      if (!input || !Array.from(element.labels ?? []).some(visible)) continue;
    }
    if (query.role !== undefined) {
      if (roleOf(element) !== query.role) continue;
      if (query.level !== undefined && element.tagName !== `H${query.level}`) continue;
      if (query.name !== undefined && !matches(nameOf(element), query.name, exact)) continue;
      return element;
    }
    if (query.label !== undefined) {
      if (!['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName) && !element.getAttribute('role')) continue;
      if (!matches(nameOf(element), query.label, exact)) continue;
      return element;
    }
    if (query.text !== undefined) {
      // The innermost element whose own text holds it.
      if (!matches(collapse(textOf(element)), query.text, exact)) continue;
      const child = Array.from(element.children).some((inner) =>
        matches(collapse(textOf(inner)), query.text ?? '', exact),
      );
      if (!child) return element;
    }
  }
  return null;
}
