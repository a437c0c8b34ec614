/**
 * Runs `prepare` just before the page is printed (the print dialog, Save as PDF, a headless
 * browser's PDF export, or print media emulated), and what it returns once printing is over.
 * Anything `prepare` changes must be in the DOM when it returns: the browser lays out the printed
 * page right after (call Svelte's flushSync for state). Returns the cleanup for an $effect.
 */
export function whilePrinting(prepare: () => (() => void) | void): () => void {
	let restore: (() => void) | void | null = null;
	const start = () => {
		if (restore === null) restore = prepare();
	};
	const end = () => {
		if (restore === null) return;
		const undo = restore;
		restore = null;
		undo?.();
	};
	const media = matchMedia('print');
	const onMedia = (event: MediaQueryListEvent) => (event.matches ? start() : end());
	addEventListener('beforeprint', start);
	addEventListener('afterprint', end);
	media.addEventListener('change', onMedia);
	return () => {
		removeEventListener('beforeprint', start);
		removeEventListener('afterprint', end);
		media.removeEventListener('change', onMedia);
		end();
	};
}
