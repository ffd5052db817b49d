// A count of the downloads running in this process, against MAX_CONCURRENT_EXPORTS. Beyond the
// limit a download is refused at once (429) rather than queued: a queue would only hold the
// client's connection open while slower downloads finish.
import { MAX_CONCURRENT_EXPORTS } from './export-limits';

interface SlotState {
  running: number;
}

// On globalThis: route handlers are bundled separately, and each must see the same count.
const state = ((globalThis as typeof globalThis & { __exportSlots?: SlotState }).__exportSlots ??= { running: 0 });

export interface ExportSlot {
  /** Gives the slot back; a second call does nothing. */
  release: () => void;
}

/** A slot for one download, or null when MAX_CONCURRENT_EXPORTS are running. */
export function tryAcquireExportSlot(limit = MAX_CONCURRENT_EXPORTS): ExportSlot | null {
  if (state.running >= limit) return null;
  state.running += 1;
  let released = false;
  return {
    release: () => {
      if (released) return;
      released = true;
      state.running -= 1;
    },
  };
}

export function exportsRunning(): number {
  return state.running;
}
