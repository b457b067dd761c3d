// A promise with its resolve and reject in hand, for tests that decide when something settles
// (Promise.withResolvers arrives with Node 22; the project runs on Node 20).
export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
