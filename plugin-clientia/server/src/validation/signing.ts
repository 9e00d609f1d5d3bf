import type { BodyOptions } from './parse';

/**
 * The signing routes (sign, decline, send for signature) have always named a body that is not a
 * JSON object at `body`, where every other route refuses the body as a whole.
 */
export const SIGNING_BODY: BodyOptions = { notAnObjectAt: 'body' };
