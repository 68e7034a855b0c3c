// Requests sent while someone types or flips filters can answer out of order, and an older answer
// must never replace a newer one on screen. `useLatest()` gives a wrapper that delivers only the
// answer (or error) of the last request it was given; superseded ones never settle.
import { useRef } from 'preact/hooks';

export function useLatest(): <T>(request: Promise<T>) => Promise<T> {
  const sent = useRef(0);
  return <T>(request: Promise<T>) => {
    const mine = ++sent.current;
    return new Promise<T>((resolve, reject) => {
      request.then(
        (value) => mine === sent.current && resolve(value),
        (error: unknown) => mine === sent.current && reject(error),
      );
    });
  };
}
