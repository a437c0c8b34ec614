/**
 * Plain text with `$…$` math to HTML, KaTeX rendered (with MathML) at build time: for glossary
 * definitions, which live in JSON rather than in mdsvex.
 */
import katex from 'katex';

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Splits on unescaped `$…$`; KaTeX errors throw, so a bad formula fails the build. */
export function renderInlineMath(text: string): string {
	return text
		.split(/(\$(?:\\.|[^$\\])+\$)/g)
		.map((part) =>
			part.length > 2 && part.startsWith('$') && part.endsWith('$')
				? katex.renderToString(part.slice(1, -1), { output: 'htmlAndMathml', throwOnError: true })
				: escapeHtml(part)
		)
		.join('');
}
