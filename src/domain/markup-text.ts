// Text people typed (names, answers, notes), written into the Markdown and MediaWiki exports
// so that it stays text: no heading, list, link, table cell, tag or template by accident, and
// no way out of the protection. CommonMark and MediaWiki both end a line at a bare CR as well
// as at LF, so every escaper reads CR, CRLF and LF as one line break. The other control
// characters are left out: they are no text, and tools that read the file choke on them.

import { withoutControlCharacters } from './control-characters';
import { oneLine } from './one-line';

const LINE_BREAK = /\r\n|\r|\n/;

// ---- Markdown ---------------------------------------------------------------------------

/**
 * Inline Markdown text: every markup character backslash-escaped, a line that would start a
 * list, quote or heading made plain, line breaks kept with `indent` so they stay in their item.
 */
export function markdownText(text: string, indent = '  '): string {
  return text
    .split(LINE_BREAK)
    .map((line) =>
      markdownCell(line)
        .replace(/^(\s*)([-+=])/, '$1\\$2')
        .replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3'),
    )
    .map((line, index) => (index === 0 ? line : `${indent}${line}`))
    .join('\n');
}

/** Markdown text on one line, inline markup escaped (a table cell, a title, a fact). */
export function markdownCell(text: string): string {
  return oneLine(withoutControlCharacters(text)).replace(/([\\`*_[\]<>|#~])/g, '\\$1');
}

// ---- MediaWiki --------------------------------------------------------------------------

/**
 * Text wrapped in <nowiki> when it holds anything MediaWiki would read as markup; line breaks
 * become <br />. Inside, "<" and "&" are entities, so no spelling of a closing tag
 * (`</nowiki >`, `</NOWIKI\t>`: MediaWiki closes on `</nowiki\s*>`) can end the protection, and
 * an entity typed shows as typed.
 */
export function wikiText(text: string): string {
  const lines = withoutControlCharacters(text)
    .split(LINE_BREAK)
    .map((line) => {
      if (line === '') return '';
      // Links, templates, tables, tags, entities, bold/italic, signatures, magic words anywhere;
      // lists, indents, headings and rules at the start of a line.
      if (!/[[\]{}|<>~=']|__|&[#a-z0-9]+;/i.test(line) && !/^[\s*#:;!-]/.test(line)) return line;
      return `<nowiki>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</nowiki>`;
    });
  return lines.join('<br />');
}

/**
 * Text kept literal in wikitext by entities alone (for places where a <nowiki> would be in the
 * way: table cells, list items): every markup character written as its entity.
 */
export function wikiLiteral(text: string): string {
  return withoutControlCharacters(text)
    .replace(/&(?=#?[a-zA-Z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\[/g, '&#91;')
    .replace(/\]/g, '&#93;')
    .replace(/\{/g, '&#123;')
    .replace(/\}/g, '&#125;')
    .replace(/\|/g, '&#124;')
    .replace(/''/g, '&#39;&#39;')
    .replace(/__/g, '&#95;&#95;')
    .replace(/~~~/g, '&#126;&#126;&#126;');
}

/** A wikitext table cell: literal, on one line. */
export function wikiCell(text: string): string {
  return wikiLiteral(oneLine(text));
}
