import { z } from 'zod';
import type { ImageDTO, ImagesEvent } from '../dto.js';
import { call, stream } from './define.js';
import { imageRef, noArgs } from './common.js';

export const imagesContract = {
  calls: {
    /** Every image (`docker images`, without intermediate layers). */
    'images:list': call<ImageDTO[]>()(noArgs),
    /**
     * Remove an image by id or reference. Errors: IMAGE_IN_USE (details.containers names the users;
     * retry with `force: true`), NOT_FOUND.
     */
    'images:remove': call<null>()(z.object({ ref: imageRef, force: z.boolean().default(false) }).strict()),
  },
  streams: {
    /** The whole list on subscribe and whenever an image is pulled, built, tagged or removed. */
    'images:changed': stream<ImagesEvent>()(noArgs),
  },
} as const;
