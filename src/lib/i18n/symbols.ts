/**
 * UI messages write the formulas' sizes D_K and D_F as TeX source does, so that every language's
 * file says the same symbol the same way. A component (`MessageText`) sets each with a real
 * subscript by splitting the message here. The notebook's prose (its hints, the playground's
 * exercise) keeps the plain spelling: there D_K and D_F name the cells' variables.
 */
export type SizeSymbol = 'dk' | 'df';

export type MessagePart = { text: string } | { symbol: SizeSymbol };

/** The message's text and its D_K and D_F symbols, in order; text between them is kept whole. */
export function messageParts(message: string): MessagePart[] {
	const parts: MessagePart[] = [];
	let from = 0;
	// ASCII word boundaries: a symbol may touch CJK text or a superscript (D_K² , D_F는).
	for (const match of message.matchAll(/\bD_([KF])\b/g)) {
		if (match.index > from) parts.push({ text: message.slice(from, match.index) });
		parts.push({ symbol: match[1] === 'K' ? 'dk' : 'df' });
		from = match.index + match[0].length;
	}
	if (from < message.length) parts.push({ text: message.slice(from) });
	return parts;
}
