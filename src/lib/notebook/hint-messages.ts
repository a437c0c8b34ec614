/** The words of each exercise hint, in the reader's language. */
import { m } from '$lib/paraglide/messages';
import type { HintId } from './hints';

export const hintMessages: Record<HintId, () => string> = {
	cell_hint_fill_in: m.cell_hint_fill_in,
	cell_hint_not_number: m.cell_hint_not_number,
	cell_hint_try_again: m.cell_hint_try_again,
	cell_hint_givens_changed: m.cell_hint_givens_changed,
	cell_hint_kernel_squared: m.cell_hint_kernel_squared,
	cell_hint_every_position: m.cell_hint_every_position,
	cell_hint_all_channels: m.cell_hint_all_channels,
	cell_hint_depthwise_no_n: m.cell_hint_depthwise_no_n,
	cell_hint_pointwise_no_kernel: m.cell_hint_pointwise_no_kernel,
	cell_hint_model_missing: m.cell_hint_model_missing,
	cell_hint_block_depthwise: m.cell_hint_block_depthwise,
	cell_hint_block_pointwise: m.cell_hint_block_pointwise,
	cell_hint_block_order: m.cell_hint_block_order,
	cell_hint_matmul_missing: m.cell_hint_matmul_missing,
	cell_hint_matmul_shape: m.cell_hint_matmul_shape,
	cell_hint_matmul_values: m.cell_hint_matmul_values,
	cell_hint_square_both: m.cell_hint_square_both,
	cell_hint_square_alpha: m.cell_hint_square_alpha,
	cell_hint_square_rho: m.cell_hint_square_rho,
	cell_hint_expansion: m.cell_hint_expansion,
	cell_hint_depthwise_expanded: m.cell_hint_depthwise_expanded,
	cell_hint_projection: m.cell_hint_projection
};
