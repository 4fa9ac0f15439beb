import { describe, expect, it } from 'vitest';
import { escapeHtml, markdownInline, markdownToHtml } from '../../src/render/markdown.ts';

describe('markdown subset', () => {
  it.each([
    ['plain <script>alert(1)</script>', '<p>plain &lt;script&gt;alert(1)&lt;/script&gt;</p>'],
    ['**bold** and *it*', '<p><strong>bold</strong> and <em>it</em></p>'],
    ['a\nb\n\nc', '<p>a b</p>\n<p>c</p>'],
    ['- one\n- two', '<ul><li>one</li><li>two</li></ul>'],
    ['- **Arrivals**: people who\n  came in.\n- Net', '<ul><li><strong>Arrivals</strong>: people who came in.</li><li>Net</li></ul>'],
    ['[site](https://stat.gov.kz/a?b=1&c=2)', '<p><a href="https://stat.gov.kz/a?b=1&amp;c=2">site</a></p>'],
    ['[x](javascript:alert(1))', '<p>[x](javascript:alert(1))</p>'],
    ['[x](https://a.b/"onmouseover=")', '<p><a href="https://a.b/&quot;onmouseover=&quot;">x</a></p>'],
  ])('%j', (input, html) => expect(markdownToHtml(input)).toBe(html));

  it('inline keeps one line', () => expect(markdownInline('a\n  *b*')).toBe('a <em>b</em>'));
  it('escapes quotes for attributes', () => expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;'));
});

describe('links and emphasis (reliability check defect 18)', () => {
  it('leaves a "*" inside a link target alone while emphasising the text around it', () => {
    expect(markdownInline('[star url](http://127.0.0.1:18999/a*b*c) and *z*')).toBe('<a href="http://127.0.0.1:18999/a*b*c">star url</a> and <em>z</em>');
  });
});
