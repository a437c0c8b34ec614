import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, VERSIONS } from '$lib/architecture';
import { alphaSlider } from '$lib/lab/controls';
import { nearestTrained, trainedAlphas, trainedResolutions, trainingOf } from '$lib/lab/trained';
import { trainedModelsFor } from '$lib/model/registry';

describe('trained configurations', () => {
	it('asks the registry, and only about what the controls offer', () => {
		for (const version of VERSIONS) {
			const marks = alphaSlider(version).marks;
			const trained = trainedAlphas(version);
			expect(marks).toEqual(expect.arrayContaining(trained));
			for (const alpha of marks)
				expect(trained.includes(alpha)).toBe('models' in trainedModelsFor({ version, alpha }));
		}
		// V1 has trained widths today, so the lab can always offer one.
		expect(trainedAlphas('v1').length).toBeGreaterThan(0);
		expect(trainedResolutions('v1').length).toBeGreaterThan(0);
	});

	it('says why a configuration is untrained, as the registry does', () => {
		const config = { ...DEFAULT_CONFIG, version: 'v1' as const, alpha: 0.6 };
		const training = trainingOf(config);
		expect(training.trained).toBe(false);
		const found = trainedModelsFor(config);
		expect('reason' in found && !training.trained && training.reason).toBe(
			'reason' in found && found.reason
		);
	});

	it('offers the nearest trained configuration: same version first, the resolution kept', () => {
		const v1 = nearestTrained({ ...DEFAULT_CONFIG, version: 'v1', alpha: 0.6, resolution: 160 })!;
		expect(v1.version).toBe('v1');
		expect(trainingOf(v1).trained).toBe(true);
		expect(v1.resolution).toBe(160);
		const distance = Math.abs(v1.alpha - 0.6);
		for (const alpha of trainedAlphas('v1'))
			expect(Math.abs(alpha - 0.6)).toBeGreaterThanOrEqual(distance);
		// A trained configuration needs no offer.
		expect(nearestTrained({ ...DEFAULT_CONFIG, version: 'v1', alpha: v1.alpha })).toBeNull();
		// Whatever version is untrained, the offer is trained.
		for (const version of VERSIONS) {
			const offer = nearestTrained({ ...DEFAULT_CONFIG, version, alpha: 1.4 });
			if (offer) expect(trainingOf(offer).trained).toBe(true);
			else expect(trainingOf({ version, alpha: 1.4 }).trained).toBe(true);
		}
	});
});
