import { aspects, type AspectChoice } from './stage';

/** A teacher's projector choices, remembered on the classroom laptop. */
export interface PresentSettings {
	contrast: boolean;
	aspect: AspectChoice;
}

export const settingsKey = 'separable-present';

export const defaultSettings: PresentSettings = { contrast: false, aspect: 'auto' };

function isAspectChoice(value: unknown): value is AspectChoice {
	return value === 'auto' || (aspects as readonly unknown[]).includes(value);
}

export function loadSettings(storage: Pick<Storage, 'getItem'>): PresentSettings {
	try {
		const raw: unknown = JSON.parse(storage.getItem(settingsKey) ?? 'null');
		if (typeof raw !== 'object' || raw === null) return defaultSettings;
		const { contrast, aspect } = raw as Record<string, unknown>;
		return {
			contrast: typeof contrast === 'boolean' ? contrast : defaultSettings.contrast,
			aspect: isAspectChoice(aspect) ? aspect : defaultSettings.aspect
		};
	} catch {
		return defaultSettings;
	}
}

export function saveSettings(storage: Pick<Storage, 'setItem'>, settings: PresentSettings): void {
	storage.setItem(settingsKey, JSON.stringify(settings));
}
