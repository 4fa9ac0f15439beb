// A small, safe Markdown subset for analysts' texts (notes, policy, about): everything is
// escaped first, then paragraphs, "- " lists, **bold**, *italic* and [links](https://…) are added.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function inline(text: string): string {
  let html = escapeHtml(text.replace(/\u0000/g, ''));
  // Links: only http(s) and mailto targets; anything else stays as plain text.
  // Link targets are set aside while emphasis is applied, so a "*" in a URL stays a "*" (check defect 18).
  const targets: string[] = [];
  html = html.replace(/\[([^\]]+)\]\(((?:https?:\/\/|mailto:)[^\s)]+)\)/g, (_m, label: string, url: string) => {
    targets.push(url);
    return `<a href="\u0000${targets.length - 1}\u0000">${label}</a>`;
  });
  html = html.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
  html = html.replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>');
  return html.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => targets[Number(i)]);
}

/** Block-level Markdown: paragraphs separated by blank lines, and "- " bullet lists whose items may wrap. */
export function markdownToHtml(text: string): string {
  const blocks = text.replace(/\r\n?/g, '\n').trim().split(/\n\s*\n/);
  return blocks
    .filter((b) => b.trim())
    .map((block) => {
      const lines = block.split('\n');
      if (BULLET.test(lines[0])) {
        // An item runs from its "- " line to the next one; wrapped lines continue it.
        const items: string[] = [];
        for (const line of lines) {
          if (BULLET.test(line)) items.push(line.replace(BULLET, ''));
          else items[items.length - 1] += ` ${line.trim()}`;
        }
        return `<ul>${items.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`;
      }
      return `<p>${inline(lines.map((l) => l.trim()).join(' '))}</p>`;
    })
    .join('\n');
}

const BULLET = /^\s*[-*]\s+/;

/** Inline Markdown only (no paragraphs), for one-line texts such as a policy item. */
export function markdownInline(text: string): string {
  return inline(text.replace(/\s*\n\s*/g, ' ').trim());
}
