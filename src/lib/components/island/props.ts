/**
 * A widget island's props as the page carries them (its `data-props`), so that a reading page can
 * hydrate the widget without the lesson's code: JSON, checked to come back exactly as given. A
 * lesson tag's props are plain data (strings, numbers, booleans, arrays and objects of them).
 */
export function islandProps(props: Record<string, unknown>, name: string): string {
	if (!isPlainData(props)) {
		throw new Error(`<${name}>: an island's props must be plain data: ${String(props)}`);
	}
	return JSON.stringify(props);
}

function isPlainData(value: unknown): boolean {
	if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
	if (typeof value === 'number') return Number.isFinite(value);
	if (Array.isArray(value)) return value.every(isPlainData);
	if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
	return Object.values(value).every(isPlainData);
}
