export const themes = ['system', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];

const storageKey = 'separable-theme';

export function isTheme(value: unknown): value is Theme {
	return typeof value === 'string' && (themes as readonly string[]).includes(value);
}

export function loadTheme(storage: Pick<Storage, 'getItem'>): Theme {
	const stored = storage.getItem(storageKey);
	return isTheme(stored) ? stored : 'system';
}

export function saveTheme(storage: Pick<Storage, 'setItem'>, theme: Theme): void {
	storage.setItem(storageKey, theme);
}
