import { onRequest } from 'firebase-functions/v2/https';
import { REGION } from '../config';
import { MAX_PHOTO_BYTES } from '../domain/contracts/field';
import { localPhotoRequest } from '../services/cpePhotos';

interface PhotoRequest {
  method: string;
  query: Record<string, unknown>;
  rawBody?: Buffer;
  get(name: string): string | undefined;
}
interface PhotoResponse {
  status(code: number): PhotoResponse;
  json(body: unknown): unknown;
  set(name: string, value: string): unknown;
  send(body: Buffer): unknown;
}

/**
 * PUT/GET /cpePhotos?token=…: on the local stacks, where there is no Cloud Storage, the signed upload and download
 * links of CPE photos (cpePhotoUploadUrl, cpePhotoDownloadUrl) point here. A deployed project never issues such a
 * link (data/photoStore.ts), and the token's key exists only on a local stack, so this answers nothing there.
 */
export async function handleCpePhoto(req: PhotoRequest, res: PhotoResponse, nowMs = Date.now()) {
  const token = typeof req.query.token === 'string' ? req.query.token : '';
  if ((req.rawBody?.length ?? 0) > MAX_PHOTO_BYTES) {
    return res.status(413).json({ error: 'wrong-size', message: 'A photo is at most 5 MB.' });
  }
  let reply;
  try {
    reply = localPhotoRequest(req.method, token, req.get('content-type'), req.rawBody, nowMs);
  } catch {
    return res.status(404).json({ error: 'not-available', message: 'Photo links are not served here.' });
  }
  if ('image' in reply) {
    res.set('Content-Type', reply.contentType);
    return res.status(200).send(reply.image);
  }
  return res.status(reply.status).json(reply.json);
}

export const cpePhotos = onRequest({ region: REGION, cors: true, maxInstances: 5 }, async (req, res) => {
  await handleCpePhoto(req, res);
});
