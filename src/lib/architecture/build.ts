import { withDefaults } from './config';
import type { NetworkConfig, NetworkSpec } from './types';
import { mobilenetV1 } from './v1';
import { mobilenetV2 } from './v2';
import { mobilenetV3Large, mobilenetV3Small } from './v3';

export function buildSpec(config: NetworkConfig): NetworkSpec {
	const { version, alpha, resolution, classes } = withDefaults(config);
	switch (version) {
		case 'v1':
			return mobilenetV1(alpha, resolution, classes);
		case 'v2':
			return mobilenetV2(alpha, resolution, classes);
		case 'v3-large':
			return mobilenetV3Large(alpha, resolution, classes);
		case 'v3-small':
			return mobilenetV3Small(alpha, resolution, classes);
	}
}
