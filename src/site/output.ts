import { cpSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Another build holds the output folder, or it cannot be replaced; the message says what to do. */
export class OutputError extends Error {
  override name = "OutputError";
}

/** A build's private folder beside the output folder, published only when the whole build passed. */
export interface StagedOutput {
  /** Where this build writes: a fresh, empty folder next to the output folder. */
  dir: string;
  /**
   * Replaces the output folder with the staged one and releases the lock. Returns a note when
   * the output folder could not be swapped in one step (a mount point) and was rewritten in place.
   */
  publish(): string | undefined;
  /** Removes the staged folder and releases the lock; the output folder is left as it was. */
  discard(): void;
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** The lock file and the names of staged and replaced folders, hidden beside the output folder. */
export function outputPaths(out: string) {
  const parent = path.dirname(out);
  const base = path.basename(out);
  return {
    lock: path.join(parent, `.${base}.lock`),
    staging: path.join(parent, `.${base}.staging-${process.pid}`),
    replaced: path.join(parent, `.${base}.replaced-${process.pid}`),
    isLeftover: (name: string) => name.startsWith(`.${base}.staging-`) || name.startsWith(`.${base}.replaced-`),
  };
}

/** The pid a lock file names, or undefined while it cannot be read (gone, or a foreign file). */
function holderOf(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock of an output folder: one build at a time. The lock appears whole or not at
 * all (a file with this process's pid, hard-linked onto the lock's name); a lock whose build
 * has died is moved aside by one taker only (a rename), then taken as usual.
 */
function lock(out: string, file: string): void {
  const mine = `${file}.${process.pid}`;
  writeFileSync(mine, String(process.pid));
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(mine, file);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const holder = holderOf(file);
      if (holder !== undefined && holder !== process.pid && isRunning(holder)) {
        throw new OutputError(`another build (process ${holder}) is writing ${out}; wait for it to finish, or delete ${file} if no build is running`);
      }
      if (holder === undefined && existsSync(file)) {
        throw new OutputError(`${file} is not a lock this build can read; delete it if no build is running`);
      }
      try {
        renameSync(file, `${file}.stale-${process.pid}`);
        rmSync(`${file}.stale-${process.pid}`, { force: true });
      } catch {
        // Another build moved it first; try again.
      }
    }
    throw new OutputError(`could not lock ${out}: ${file} keeps coming back; is another build starting?`);
  } finally {
    rmSync(mine, { force: true });
  }
}

/**
 * Starts writing a new version of `out` (an absolute path) without touching it: the build
 * writes into a staging folder beside it, and the output folder is replaced only by
 * `publish()`. A failed or interrupted build leaves the last good site byte for byte; a lock
 * keeps two builds from interleaving their files. Leftovers of a killed build are removed.
 */
export function stageOutput(target: string): StagedOutput {
  // An output folder that is a link (_site -> /srv/www) is replaced where it really is, so the link keeps working.
  const out = existsSync(target) && lstatSync(target).isSymbolicLink() ? realpathSync(target) : target;
  const paths = outputPaths(out);
  mkdirSync(path.dirname(out), { recursive: true });
  lock(out, paths.lock);
  let done = false;
  const release = () => {
    done = true;
    rmSync(paths.lock, { force: true });
  };
  try {
    const parent = path.dirname(out);
    const leftovers = readdirSync(parent).filter(paths.isLeftover);
    // A build killed between its two renames left the last good site aside: it goes back first.
    const replaced = leftovers.find((name) => name.startsWith(`.${path.basename(out)}.replaced-`));
    if (replaced && !existsSync(out)) renameSync(path.join(parent, replaced), out);
    for (const name of leftovers) rmSync(path.join(parent, name), { recursive: true, force: true });
    mkdirSync(paths.staging);
  } catch (error) {
    release();
    throw error;
  }
  return {
    dir: paths.staging,
    publish() {
      if (done) throw new Error("the staged output was already published or discarded");
      let note: string | undefined;
      let moved = false;
      try {
        try {
          if (existsSync(out)) {
            renameSync(out, paths.replaced);
            moved = true;
          }
          renameSync(paths.staging, out);
        } catch (error) {
          // A mount point (a container volume) cannot be renamed: its contents are replaced instead.
          if (moved) renameSync(paths.replaced, out);
          moved = false;
          note = `${out} could not be replaced in one step (${(error as NodeJS.ErrnoException).code}); its contents were rewritten in place`;
          mkdirSync(out, { recursive: true });
          for (const name of readdirSync(out)) rmSync(path.join(out, name), { recursive: true, force: true });
          cpSync(paths.staging, out, { recursive: true });
          rmSync(paths.staging, { recursive: true, force: true });
        }
        if (moved) rmSync(paths.replaced, { recursive: true, force: true });
      } finally {
        release();
      }
      return note;
    },
    discard() {
      if (done) return;
      rmSync(paths.staging, { recursive: true, force: true });
      release();
    },
  };
}
