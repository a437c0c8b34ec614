import type { Attachment } from 'svelte/attachments';
import { placePopover } from '$lib/lessons/popover-place';

/**
 * What makes a glossary term's definition (Term.svelte: a button and the browser's own popover)
 * follow the reader, for every term inside the element it is attached to: it opens on hover (after
 * a moment) and on keyboard focus, stays open while the pointer crosses into it, is pinned open by
 * a tap or click until Escape, a tap elsewhere or another tap, and sits next to its term (it lives
 * in the top layer, so it follows the term while the page scrolls). One set of listeners on the
 * lesson, not one per term: a reading page's prose never hydrates, yet its terms work from the
 * moment this is attached; before that, the popover opens on a tap, centred on the screen.
 */
export const termPopovers: Attachment<HTMLElement> = (root) => {
	let timer: ReturnType<typeof setTimeout> | undefined;
	/** The term whose definition is open, or about to open on hover. */
	let term: HTMLButtonElement | undefined;
	/** Opened by a click or tap: stays until dismissed, not when the pointer or focus leaves. */
	let pinned = false;
	/** Opened by hovering or keyboard focus (a click then pins it instead of closing it). */
	let previewing = false;

	const termOf = (target: EventTarget | null) =>
		target instanceof Element
			? (target.closest<HTMLButtonElement>('button.term[popovertarget]') ?? undefined)
			: undefined;
	const popoverOf = (button: HTMLButtonElement | undefined) =>
		button?.popoverTargetElement instanceof HTMLElement ? button.popoverTargetElement : undefined;
	const definitionOf = (target: EventTarget | null) =>
		target instanceof Element
			? (target.closest<HTMLElement>('.definition[popover]') ?? undefined)
			: undefined;
	const isOpen = (popover: HTMLElement | undefined) => popover?.matches(':popover-open') ?? false;
	const inside = (node: Node | null, ...elements: (HTMLElement | undefined)[]) =>
		node !== null && elements.some((element) => element?.contains(node));

	/** Puts the open definition next to its term, in viewport coordinates. */
	function place() {
		const popover = popoverOf(term);
		if (!term || !popover || !isOpen(popover)) return;
		const at = placePopover(
			term.getBoundingClientRect(),
			{ width: popover.offsetWidth, height: popover.offsetHeight },
			{ width: document.documentElement.clientWidth, height: window.innerHeight }
		);
		popover.style.inset = 'auto';
		popover.style.left = `${at.left}px`;
		popover.style.top = `${at.top}px`;
	}

	function show(button: HTMLButtonElement) {
		clearTimeout(timer);
		const popover = popoverOf(button);
		if (!popover || isOpen(popover)) return;
		term = button;
		previewing = true;
		pinned = false;
		popover.showPopover();
	}

	/** Hides after a moment, so the pointer can cross from the term into its definition. */
	function hideSoon() {
		clearTimeout(timer);
		const button = term;
		timer = setTimeout(() => {
			const popover = popoverOf(button);
			const here =
				popover?.matches(':hover') ||
				button?.matches(':hover') ||
				inside(document.activeElement, popover) ||
				button === document.activeElement;
			if (!here && !pinned && isOpen(popover)) popover?.hidePopover();
		}, 200);
	}

	function pointerover(event: PointerEvent) {
		if (event.pointerType !== 'mouse') return;
		const button = termOf(event.target);
		if (button && !inside(event.relatedTarget as Node | null, button)) {
			clearTimeout(timer);
			timer = setTimeout(() => show(button), 150);
		} else if (definitionOf(event.target)) {
			// The pointer crossed from the term onto its definition: keep it open.
			clearTimeout(timer);
		}
	}

	function pointerout(event: PointerEvent) {
		if (event.pointerType !== 'mouse') return;
		const from = termOf(event.target) ?? definitionOf(event.target);
		if (from && !inside(event.relatedTarget as Node | null, from)) hideSoon();
	}

	function focusin(event: FocusEvent) {
		// Keyboard focus shows the definition; a tap focuses too, but its click toggles it.
		const button = termOf(event.target);
		if (button?.matches(':focus-visible')) show(button);
	}

	function focusout(event: FocusEvent) {
		const from = termOf(event.target) ?? definitionOf(event.target);
		if (!from) return;
		const popover = popoverOf(term);
		if (inside(event.relatedTarget as Node | null, term, popover)) return;
		hideSoon();
	}

	/** A click on a previewed definition's term keeps it open; otherwise the term toggles it. */
	function click(event: MouseEvent) {
		const button = termOf(event.target);
		if (!button) return;
		if (button === term && previewing && isOpen(popoverOf(button))) {
			event.preventDefault();
			previewing = false;
		}
		term = button;
		pinned = true;
	}

	/** `toggle` does not bubble: heard in the capture phase, on its way to the definition. */
	function toggle(event: Event) {
		const popover = definitionOf(event.target);
		if (!popover || event.target !== popover) return;
		if ((event as ToggleEvent).newState === 'open') {
			term =
				root.querySelector<HTMLButtonElement>(`button.term[popovertarget="${popover.id}"]`) ?? term;
			place();
		} else if (term && popoverOf(term) === popover) {
			pinned = previewing = false;
		}
	}

	const listeners = [
		['pointerover', pointerover],
		['pointerout', pointerout],
		['focusin', focusin],
		['focusout', focusout],
		['click', click]
	] as const;
	for (const [type, listener] of listeners) root.addEventListener(type, listener as EventListener);
	root.addEventListener('toggle', toggle, { capture: true });
	window.addEventListener('scroll', place, { passive: true, capture: true });
	window.addEventListener('resize', place);
	return () => {
		clearTimeout(timer);
		for (const [type, listener] of listeners)
			root.removeEventListener(type, listener as EventListener);
		root.removeEventListener('toggle', toggle, { capture: true });
		window.removeEventListener('scroll', place, { capture: true });
		window.removeEventListener('resize', place);
	};
};
