import { retry } from '../../functions/src/domain/retry/retry';
import { PROJECT_ID } from './ports';

/** The Functions emulator opens its port before it has loaded the code: wait until a callable answers. */
// Generous: on a loaded 2-core build machine the Functions emulator has taken over two minutes to load.
export async function waitForCallables(functionsPort: number, timeoutMs = 300_000): Promise<void> {
  const url = `http://127.0.0.1:${functionsPort}/${PROJECT_ID}/asia-south1/whoAmI`;
  let last = '';
  const answers = async () => {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"data":{}}',
      });
      const body = await res.text();
      // An unauthenticated call to a loaded callable answers UNAUTHENTICATED; an unloaded one 404s.
      if (body.includes('UNAUTHENTICATED')) return true;
      last = `${res.status} ${body.slice(0, 120)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    return false;
  };
  const deadline = Date.now() + timeoutMs;
  if (await retry(answers, { attempts: Infinity, deadline, delayMs: () => 500, retryOnValue: (up) => !up })) return;
  throw new Error(`the callables did not come up within ${timeoutMs / 1000} s (last answer: ${last})`);
}
