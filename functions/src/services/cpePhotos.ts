import { randomUUID } from 'node:crypto';
import { photoStore, readLocalPhoto, readLocalToken, writeLocalPhoto } from '../data/photoStore';
import type { CaseState } from '../domain/model/case';
import type { Actor } from '../domain/model/roles';
import { Refusal } from '../domain/refusal';
import { loadCaseFor } from './caseAccess';
import { itemToCollect } from './fieldWrites';

/** How long an upload or download link works. */
export const PHOTO_LINK_SECONDS = 15 * 60;

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png' };

/** One new object per upload, under its case and item: a link can never overwrite another photo. */
export function photoPathFor(caseId: string, itemId: string, contentType: string): string {
  return `cpe-photos/${caseId}/${itemId}/${randomUUID()}.${EXTENSIONS[contentType]}`;
}

export async function photoUploadUrl(
  actor: Actor,
  input: { caseId: string; itemId: string; contentType: string; bytes: number },
  nowMs = Date.now(),
) {
  const c = await loadCaseFor(actor, input.caseId);
  itemToCollect(c, input.itemId);
  const photoRef = photoPathFor(c.id, input.itemId, input.contentType);
  const expires = new Date(nowMs + PHOTO_LINK_SECONDS * 1000);
  const { url, headers } = await photoStore().uploadTarget(
    photoRef,
    input.contentType,
    input.bytes,
    expires,
    actor.uid,
  );
  return { uploadUrl: url, method: 'PUT' as const, headers, photoRef, expiresAt: expires.toISOString() };
}

/** A photo sent with a collection: this case's and item's, and uploaded. */
export async function assertPhotoOf(c: CaseState, itemId: string, photoRef: string): Promise<void> {
  const wrong = (reason: string) =>
    new Refusal('invalid-argument', `Please correct photoRef: ${reason}.`, { fields: { photoRef: reason } });
  if (!photoRef.startsWith(`cpe-photos/${c.id}/${itemId}/`)) throw wrong('is not a photo of this item');
  if (!(await photoStore().exists(photoRef))) throw wrong('was not uploaded (upload it first, then record)');
}

export async function photoDownloadUrl(actor: Actor, input: { caseId: string; itemId: string }, nowMs = Date.now()) {
  const c = await loadCaseFor(actor, input.caseId);
  const item = (c.cpe ?? []).find((i) => i.itemId === input.itemId);
  const photoRef = item?.photoRef;
  if (!photoRef || !photoRef.startsWith('cpe-photos/')) {
    throw new Refusal('not-found', `No photo of item ${input.itemId} on this case.`);
  }
  const expires = new Date(nowMs + PHOTO_LINK_SECONDS * 1000);
  return { url: await photoStore().downloadUrl(photoRef, expires), photoRef, expiresAt: expires.toISOString() };
}

/** What the local photo endpoint answers: an HTTP status, and a body (JSON or the image). */
export type LocalPhotoReply =
  | { status: number; json: { error?: string; message: string; photoRef?: string } }
  | { status: 200; image: Buffer; contentType: string };

/**
 * The local stacks' stand-in for Cloud Storage's signed URLs: a PUT stores the one object its token names, of
 * its type and at most its size, once; a GET serves it. Everything else is refused and writes nothing.
 */
export function localPhotoRequest(
  method: string,
  token: string,
  contentType: string | undefined,
  body: Buffer | undefined,
  nowMs = Date.now(),
): LocalPhotoReply {
  const grant = readLocalToken(token, nowMs);
  if (!grant) return { status: 403, json: { error: 'bad-token', message: 'The link is not valid or has expired.' } };
  if (method === 'GET' && grant.op === 'get') {
    const image = readLocalPhoto(grant.path);
    if (!image) return { status: 404, json: { error: 'not-found', message: 'No such photo.' } };
    return { status: 200, image, contentType: grant.path.endsWith('.png') ? 'image/png' : 'image/jpeg' };
  }
  if (method !== 'PUT' || grant.op !== 'put') {
    return { status: 405, json: { error: 'method-not-allowed', message: 'This link is not for that.' } };
  }
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== grant.contentType) {
    return { status: 400, json: { error: 'wrong-type', message: `Send Content-Type ${grant.contentType}.` } };
  }
  const bytes = body ?? Buffer.alloc(0);
  if (bytes.length === 0 || bytes.length > grant.maxBytes) {
    return { status: 413, json: { error: 'wrong-size', message: `Send 1 to ${grant.maxBytes} bytes.` } };
  }
  try {
    writeLocalPhoto(grant.path, bytes);
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') {
      return { status: 409, json: { error: 'exists', message: 'This photo was already uploaded.' } };
    }
    throw error;
  }
  return { status: 200, json: { message: 'stored', photoRef: grant.path } };
}
