/**
 * Build-time settings. PUBLIC_MODEL_BASE_URL names a mirror of the official weights (holding
 * <id>/model.json and its shards), tried after the site's own /models/ and before Google.
 * vite.config.ts exposes PUBLIC_* variables to import.meta.env.
 */
export const MODEL_BASE_URL: string | null =
	(import.meta.env?.PUBLIC_MODEL_BASE_URL as string | undefined)?.trim() || null;
