/**
 * Teacher mode: a teacher's choice, remembered on their machine, to see the teacher's notes on
 * the reading pages. Students never turn it on, so their pages read without them.
 */
const storageKey = 'separable-teacher';

export function loadTeacherMode(storage: Pick<Storage, 'getItem'>): boolean {
	try {
		return storage.getItem(storageKey) === 'on';
	} catch {
		return false;
	}
}

/** Remembers the choice; false when the browser would not store it (it then lasts this page). */
export function saveTeacherMode(
	storage: Pick<Storage, 'setItem' | 'removeItem'>,
	on: boolean
): boolean {
	try {
		if (on) storage.setItem(storageKey, 'on');
		else storage.removeItem(storageKey);
		return true;
	} catch {
		return false;
	}
}
