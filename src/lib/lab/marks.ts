/** How the lab words a channel's mark (see viz/channel-stats.ts). */
import { formatPercent } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/languages';
import { m } from '$lib/paraglide/messages';
import type { ChannelMark } from '$lib/viz/channel-stats';

export function markText(mark: ChannelMark, lang: Locale): string {
	switch (mark.kind) {
		case 'always-zero':
			return m.mark_always_zero();
		case 'zero-here':
			return m.mark_zero_here();
		case 'capped':
			return m.mark_capped({ share: formatPercent(mark.share, lang, 1) });
	}
}
