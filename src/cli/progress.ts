// One updating progress line on stderr while a scan runs (TTY only unless --progress).
export interface Progress {
  update: (event: { phase: string; done: number; total: number }) => void;
  done: () => void;
}

export function createProgress(options: { enabled: boolean; stream: NodeJS.WriteStream }): Progress {
  if (!options.enabled) return { update: () => {}, done: () => {} };
  const { stream } = options;
  const isTTY = stream.isTTY === true;
  let last = '';
  let lastAt = 0;
  return {
    update(event) {
      const line = event.total > 0 ? `backend-review: ${event.phase} ${event.done}/${event.total}` : `backend-review: ${event.phase}…`;
      const now = Date.now();
      if (line === last || (now - lastAt < 100 && event.done !== event.total)) return;
      last = line;
      lastAt = now;
      if (isTTY) stream.write(`\r\u001b[2K${line}`);
      else stream.write(`${line}\n`);
    },
    done() {
      if (isTTY && last) stream.write('\r\u001b[2K');
    },
  };
}
