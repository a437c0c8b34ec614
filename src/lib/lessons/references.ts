/** The course bibliography (content/references.json), cited from lessons with <Cite id="…">. */

export interface Reference {
	id: string;
	authors: string;
	title: string;
	/** Journal, conference or arXiv id. */
	venue: string;
	year: number;
	url: string;
}

export function parseReferences(raw: unknown, where: string): Map<string, Reference> {
	if (!Array.isArray(raw)) throw new Error(`${where}: references are an array`);
	const map = new Map<string, Reference>();
	for (const item of raw as unknown[]) {
		const r = (item ?? {}) as Record<string, unknown>;
		const fields = ['id', 'authors', 'title', 'venue', 'url'] as const;
		for (const field of fields) {
			if (typeof r[field] !== 'string' || (r[field] as string).trim() === '') {
				throw new Error(`${where}: reference ${String(r.id)} needs ${field}`);
			}
		}
		if (typeof r.year !== 'number')
			throw new Error(`${where}: reference ${String(r.id)} needs a year`);
		if (!String(r.url).startsWith('https://')) {
			throw new Error(`${where}: reference ${String(r.id)} needs an https URL`);
		}
		const reference = r as unknown as Reference;
		if (map.has(reference.id)) throw new Error(`${where}: reference ${reference.id} appears twice`);
		map.set(reference.id, reference);
	}
	return map;
}

/** The references a lesson cites, in order of first citation; an unknown id throws. */
export function citedReferences(ids: readonly string[], all: Map<string, Reference>): Reference[] {
	return ids.map((id) => {
		const reference = all.get(id);
		if (!reference) throw new Error(`unknown reference ${id}`);
		return reference;
	});
}
