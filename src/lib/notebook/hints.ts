/**
 * Hints an exercise check can give. They are prose, so each is a Paraglide message of the same
 * name (worded in src/lib/notebook/hint-messages.ts); checks return the id only. No hint states
 * an answer: it points at the factor or the layer that is off.
 */
export const HINT_IDS = [
	'cell_hint_fill_in',
	'cell_hint_not_number',
	'cell_hint_try_again',
	'cell_hint_givens_changed',
	'cell_hint_kernel_squared',
	'cell_hint_every_position',
	'cell_hint_all_channels',
	'cell_hint_depthwise_no_n',
	'cell_hint_pointwise_no_kernel',
	'cell_hint_model_missing',
	'cell_hint_block_depthwise',
	'cell_hint_block_pointwise',
	'cell_hint_block_order',
	'cell_hint_matmul_missing',
	'cell_hint_matmul_shape',
	'cell_hint_matmul_values',
	'cell_hint_square_both',
	'cell_hint_square_alpha',
	'cell_hint_square_rho',
	'cell_hint_expansion',
	'cell_hint_depthwise_expanded',
	'cell_hint_projection'
] as const;

export type HintId = (typeof HINT_IDS)[number];
