import { createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { getStorage } from 'firebase-admin/storage';
import { deployed } from '../config';

/**
 * Where collection photos are kept: Cloud Storage on a deployed project (V4 signed URLs, so the bytes never pass
 * through a function), a folder on disk on the local stacks (an endpoint of the functions, webhooks/cpePhotos.ts,
 * takes and serves them under a signed, expiring token). The mode follows `deployed()` as every other local/real
 * choice does (config.ts).
 */
export interface PhotoStore {
  uploadTarget(
    path: string,
    contentType: string,
    bytes: number,
    expires: Date,
    uid: string,
  ): Promise<{ url: string; headers: Record<string, string> }>;
  downloadUrl(path: string, expires: Date): Promise<string>;
  exists(path: string): Promise<boolean>;
}

const cloudStore: PhotoStore = {
  async uploadTarget(path, contentType, bytes, expires) {
    const range = `0,${bytes}`;
    const [url] = await getStorage()
      .bucket()
      .file(path)
      .getSignedUrl({
        version: 'v4',
        action: 'write',
        expires,
        contentType,
        // Cloud Storage refuses a body outside this range: the size the app declared is the most it may send.
        extensionHeaders: { 'x-goog-content-length-range': range },
      });
    return { url, headers: { 'content-type': contentType, 'x-goog-content-length-range': range } };
  },
  async downloadUrl(path, expires) {
    const [url] = await getStorage().bucket().file(path).getSignedUrl({ version: 'v4', action: 'read', expires });
    return url;
  },
  async exists(path) {
    const [found] = await getStorage().bucket().file(path).exists();
    return found;
  },
};

/** What a local photo token allows: one operation on one object, until `exp` (epoch ms). */
export interface PhotoGrant {
  op: 'put' | 'get';
  path: string;
  contentType: string;
  maxBytes: number;
  uid: string;
  exp: number;
}

/** Set by the local stacks' start script (scripts/lib/localPhotos.ts); tests set them too. */
function localSettings(): { dir: string; url: string; secret: string } {
  const dir = process.env.CPE_PHOTO_DIR ?? '';
  const url = process.env.CPE_PHOTO_URL ?? '';
  const secret = process.env.CPE_PHOTO_SECRET ?? '';
  if (!dir || !url || secret.length < 16) {
    throw new Error('CPE photos are not set up on this stack (CPE_PHOTO_DIR, CPE_PHOTO_URL, CPE_PHOTO_SECRET)');
  }
  return { dir, url, secret };
}

const sign = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('base64url');

export function localToken(grant: PhotoGrant): string {
  const body = Buffer.from(JSON.stringify(grant)).toString('base64url');
  return `${body}.${sign(localSettings().secret, body)}`;
}

/** The grant a token carries, or null when it is forged, altered or expired. */
export function readLocalToken(token: string, nowMs: number): PhotoGrant | null {
  const [body, mac] = token.split('.');
  if (!body || !mac) return null;
  const expected = Buffer.from(sign(localSettings().secret, body));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const grant = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as PhotoGrant;
    return grant.exp > nowMs ? grant : null;
  } catch {
    return null;
  }
}

/** The file of a stored path, never outside the photo folder. */
export function localFile(path: string): string {
  const root = resolve(localSettings().dir);
  const file = resolve(root, path);
  if (!file.startsWith(root + sep)) throw new Error(`photo path ${path} leaves the photo folder`);
  return file;
}

export function writeLocalPhoto(path: string, bytes: Buffer): void {
  const file = localFile(path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes, { flag: 'wx' });
}

export function readLocalPhoto(path: string): Buffer | null {
  const file = localFile(path);
  return existsSync(file) ? readFileSync(file) : null;
}

const localStore: PhotoStore = {
  async uploadTarget(path, contentType, bytes, expires, uid) {
    const token = localToken({ op: 'put', path, contentType, maxBytes: bytes, uid, exp: expires.getTime() });
    return { url: `${localSettings().url}?token=${token}`, headers: { 'content-type': contentType } };
  },
  async downloadUrl(path, expires) {
    const token = localToken({ op: 'get', path, contentType: '', maxBytes: 0, uid: '', exp: expires.getTime() });
    return `${localSettings().url}?token=${token}`;
  },
  async exists(path) {
    return existsSync(localFile(path));
  },
};

export function photoStore(): PhotoStore {
  return deployed() ? cloudStore : localStore;
}

export const localPhotoFolder = (): string => join(localSettings().dir);
